//! The suite's settings file, `scenario.toml`, found next to a scenario or in the nearest
//! directory above it.
//!
//! Today it holds the simulated web of `aiohttp` (SPEC section 7):
//!
//! ```toml
//! [aiohttp]
//! latency = 0.1          # seconds, for URLs not listed below (default 0.1)
//! status = 200           # (default 200)
//! body = "<p>{url}</p>"  # {url} becomes the URL (default: a small HTML page)
//!
//! [aiohttp.urls."https://example.com"]
//! latency = 0.25
//! status = 200
//! body = "<!doctype html>..."
//! ```
//!
//! Unknown keys are errors that name the key and the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::interp::aiohttp::{DEFAULT_LATENCY, Endpoint, HttpConfig};

/// The name of the settings file.
pub const FILE_NAME: &str = "scenario.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    aiohttp: Option<AiohttpTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AiohttpTable {
    latency: Option<f64>,
    status: Option<i64>,
    body: Option<String>,
    #[serde(default)]
    urls: BTreeMap<String, UrlTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UrlTable {
    latency: Option<f64>,
    status: Option<i64>,
    body: Option<String>,
}

/// What a scenario's settings say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub http: HttpConfig,
    /// The file they came from, if any.
    pub file: Option<PathBuf>,
}

/// The `scenario.toml` that applies to `scenario`: in its directory or the nearest above.
pub fn find(scenario: &Path) -> Option<PathBuf> {
    let start = scenario.parent()?;
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The settings for `scenario`; an error names the file and what is wrong in it.
pub fn for_scenario(scenario: &Path) -> Result<Settings, String> {
    let Some(file) = find(scenario) else {
        return Ok(Settings::default());
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let mut settings = parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    settings.file = Some(file);
    Ok(settings)
}

/// Parse the text of a settings file.
pub fn parse(text: &str) -> Result<Settings, String> {
    let raw: SettingsFile = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
    let table = raw.aiohttp.unwrap_or_default();
    let default_latency = table.latency.unwrap_or(DEFAULT_LATENCY);
    let default_status = table.status.unwrap_or(200);
    let check_latency = |latency: f64, what: &str| {
        if latency.is_finite() && latency >= 0.0 {
            Ok(latency)
        } else {
            Err(format!(
                "{what}: latency must be a number of seconds >= 0, not {latency}"
            ))
        }
    };
    check_latency(default_latency, "aiohttp")?;
    let mut http = HttpConfig {
        default_latency,
        default_status,
        default_body: table.body.clone(),
        urls: Vec::new(),
    };
    for (url, entry) in table.urls {
        let latency = check_latency(
            entry.latency.unwrap_or(default_latency),
            &format!("aiohttp.urls.\"{url}\""),
        )?;
        let fallback = http.endpoint(&url);
        http.urls.push((
            url,
            Endpoint {
                latency,
                status: entry.status.unwrap_or(default_status),
                body: entry.body.unwrap_or(fallback.body),
            },
        ));
    }
    Ok(Settings { http, file: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_override_the_defaults() {
        let settings =
            parse("[aiohttp]\nlatency = 0.5\n[aiohttp.urls.\"https://a.test\"]\nbody = \"hi\"\n")
                .unwrap();
        let a = settings.http.endpoint("https://a.test");
        assert_eq!((a.latency, a.status, a.body.as_str()), (0.5, 200, "hi"));
        let b = settings.http.endpoint("https://b.test/x");
        assert_eq!(b.latency, 0.5);
        assert!(b.body.contains("b.test"));
    }

    #[test]
    fn unknown_keys_are_named() {
        let error = parse("[aiohttp]\nlatencyy = 1\n").unwrap_err();
        assert!(error.contains("latencyy"), "{error}");
        let error = parse("[aiohttp]\nlatency = -1\n").unwrap_err();
        assert!(error.contains("latency must be"), "{error}");
    }
}
