//! The suite's settings file, `scenario.toml`, found next to a scenario or in the nearest
//! directory above it (SPEC sections 7 and 8).
//!
//! ```toml
//! [defaults]             # for every scenario under this directory
//! seed = 0               # as --seed (default 0)
//! clock = "virtual"      # as --clock: "virtual" or "real"
//! max-time = 3600        # as --max-time, in virtual seconds
//! max-steps = 10_000_000 # as --max-steps
//! exit-code = 0          # `scenario test` fails a scenario that exits otherwise
//!
//! [files."errors/*.py"]  # a path or glob, relative to this file's directory
//! exit-code = 2          # later tables override earlier ones, key by key
//!
//! [files."asyncio/slow.py"]
//! skip = "takes minutes of wall time with the real clock"
//!
//! [files."projects/*/[0-9]-*.py"]
//! module = true          # a module the scenarios import: not run or pinned on its own
//!
//! [paths]
//! root = "/scenarios"    # the program sees this file's directory as /scenarios
//!
//! [aiohttp]              # the simulated web
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
//! Unknown keys are errors that name the key and the file. Command-line flags override the
//! file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use indexmap::IndexMap;
use serde::Deserialize;

use crate::interp::aiohttp::{DEFAULT_LATENCY, Endpoint, HttpConfig};
use crate::loader::PathMap;

/// The name of the settings file.
pub const FILE_NAME: &str = "scenario.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    defaults: Option<RunSettings>,
    #[serde(default)]
    files: IndexMap<String, RunSettings>,
    aiohttp: Option<AiohttpTable>,
    paths: Option<PathsTable>,
}

/// `[paths]`: how the program sees absolute paths.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PathsTable {
    /// The directory holding the settings file is shown as this absolute path.
    root: Option<String>,
}

/// How to run a scenario, as `[defaults]` and `[files."PATTERN"]` say it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RunSettings {
    pub seed: Option<i64>,
    pub clock: Option<Clock>,
    pub max_time: Option<f64>,
    pub max_steps: Option<u64>,
    /// The exit code `scenario test` expects (any, when unset).
    pub exit_code: Option<i32>,
    /// Why `scenario test` skips this scenario.
    pub skip: Option<String>,
    /// `scenario test`'s wall-clock limit for one run, in seconds.
    pub timeout: Option<f64>,
    /// The file is a module other files import, not a scenario: `scenario test` neither
    /// runs nor pins it on its own.
    pub module: Option<bool>,
}

impl RunSettings {
    /// `other`'s keys where it has them, ours elsewhere.
    pub fn overridden_by(&self, other: &RunSettings) -> RunSettings {
        RunSettings {
            seed: other.seed.or(self.seed),
            clock: other.clock.or(self.clock),
            max_time: other.max_time.or(self.max_time),
            max_steps: other.max_steps.or(self.max_steps),
            exit_code: other.exit_code.or(self.exit_code),
            skip: other.skip.clone().or_else(|| self.skip.clone()),
            timeout: other.timeout.or(self.timeout),
            module: other.module.or(self.module),
        }
    }

    fn validate(&self, table: &str) -> Result<(), String> {
        if let Some(max_time) = self.max_time
            && !(max_time.is_finite() && max_time >= 0.0)
        {
            return Err(format!(
                "{table}: max-time must be a number of seconds >= 0, not {max_time}"
            ));
        }
        if let Some(timeout) = self.timeout
            && !(timeout.is_finite() && timeout > 0.0)
        {
            return Err(format!(
                "{table}: timeout must be a number of seconds > 0, not {timeout}"
            ));
        }
        if let Some(code) = self.exit_code
            && !(0..=255).contains(&code)
        {
            return Err(format!(
                "{table}: exit-code must be between 0 and 255, not {code}"
            ));
        }
        Ok(())
    }
}

/// `clock = "virtual"` or `"real"`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Clock {
    Virtual,
    Real,
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

/// A parsed settings file.
#[derive(Clone, Debug, Default)]
pub struct SuiteSettings {
    pub http: HttpConfig,
    /// The file has an `[aiohttp]` table.
    pub has_http: bool,
    /// `[paths] root`.
    pub root: Option<String>,
    defaults: RunSettings,
    files: Vec<(String, GlobMatcher, RunSettings)>,
}

impl SuiteSettings {
    /// The run settings for a scenario at `relative` (its path from the settings file's
    /// directory, with `/` separators).
    pub fn run_settings(&self, relative: &str) -> RunSettings {
        self.files
            .iter()
            .filter(|(_, glob, _)| glob.is_match(relative))
            .fold(self.defaults.clone(), |run, (_, _, over)| {
                run.overridden_by(over)
            })
    }

    /// The `[files."..."]` patterns, in order.
    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(pattern, _, _)| pattern.as_str())
    }

    /// Does `pattern` match the scenario at `relative`?
    pub fn pattern_matches(&self, pattern: &str, relative: &str) -> bool {
        self.files
            .iter()
            .any(|(p, glob, _)| p == pattern && glob.is_match(relative))
    }
}

/// What a scenario's settings say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub http: HttpConfig,
    pub run: RunSettings,
    /// The file they came from, if any.
    pub file: Option<PathBuf>,
    /// The nearest `[paths] root`, with the directory it stands for.
    pub paths: Option<PathMap>,
}

/// Every `scenario.toml` in the scenario's directory and above it, nearest first: nearer
/// ones override farther ones, key by key.
pub fn find_all(scenario: &Path) -> Vec<PathBuf> {
    let Some(start) = scenario.parent() else {
        return Vec::new();
    };
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    let Ok(start) = start.canonicalize() else {
        return Vec::new();
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .filter(|candidate| candidate.is_file())
        .collect()
}

/// A path as the user would like to read it: relative to the working directory when it
/// is under it.
pub fn display_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Read and parse a settings file; an error names the file.
pub fn load(file: &Path) -> Result<SuiteSettings, String> {
    let shown = display_path(file);
    let text = std::fs::read_to_string(file).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    parse(&text).map_err(|e| format!("{shown}: {e}"))
}

/// The path of `scenario` relative to the directory of the settings file `settings`, with
/// `/` separators (what `[files."..."]` patterns match).
pub fn relative_to(settings: &Path, scenario: &Path) -> String {
    let dir = settings.parent().unwrap_or(Path::new(""));
    let scenario = scenario
        .canonicalize()
        .unwrap_or_else(|_| scenario.to_path_buf());
    let relative = scenario.strip_prefix(dir).unwrap_or(&scenario);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The settings for `scenario`, from every `scenario.toml` above it (nearer ones override
/// farther ones key by key; the nearest `[aiohttp]` table is the simulated web); an error
/// names the file and what is wrong in it.
pub fn for_scenario(scenario: &Path) -> Result<Settings, String> {
    let files = find_all(scenario);
    let mut settings = Settings::default();
    let mut http_found = false;
    for file in &files {
        let suite = load(file)?;
        let run = suite.run_settings(&relative_to(file, scenario));
        settings.run = run.overridden_by(&settings.run);
        if !http_found && suite.has_http {
            settings.http = suite.http;
            http_found = true;
        }
        if settings.paths.is_none()
            && let (Some(root), Some(dir)) = (suite.root, file.parent())
        {
            settings.paths = Some(PathMap {
                real: dir.to_path_buf(),
                shown: root,
            });
        }
    }
    settings.file = files.into_iter().next();
    Ok(settings)
}

/// Parse the text of a settings file.
pub fn parse(text: &str) -> Result<SuiteSettings, String> {
    let raw: SettingsFile = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
    let has_http = raw.aiohttp.is_some();
    let defaults = raw.defaults.unwrap_or_default();
    defaults.validate("[defaults]")?;
    let mut files = Vec::new();
    for (pattern, run) in raw.files {
        let table = format!("[files.\"{pattern}\"]");
        run.validate(&table)?;
        let glob = GlobBuilder::new(&pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("{table}: not a valid path pattern: {e}"))?
            .compile_matcher();
        files.push((pattern, glob, run));
    }
    let root = match raw.paths.and_then(|paths| paths.root) {
        Some(root) if !root.starts_with('/') => {
            return Err(format!(
                "[paths]: root must be an absolute path (starting with /), not {root:?}"
            ));
        }
        root => root,
    };
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
    Ok(SuiteSettings {
        http,
        has_http,
        root,
        defaults,
        files,
    })
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
        let error = parse("[defaults]\nseeds = 1\n").unwrap_err();
        assert!(error.contains("seeds"), "{error}");
        let error = parse("[files.\"a.py\"]\nclock = \"wall\"\n").unwrap_err();
        assert!(error.contains("wall"), "{error}");
    }

    #[test]
    fn later_file_tables_override_earlier_ones_key_by_key() {
        let suite = parse(
            "[defaults]\nseed = 1\nexit-code = 0\nmax-steps = 10\n\
             [files.\"errors/*.py\"]\nexit-code = 2\nseed = 5\n\
             [files.\"errors/deep/x.py\"]\nseed = 9\n\
             [files.\"**/slow.py\"]\nskip = \"slow\"\n",
        )
        .unwrap();
        let run = suite.run_settings("errors/bad.py");
        assert_eq!(
            (run.seed, run.exit_code, run.max_steps),
            (Some(5), Some(2), Some(10))
        );
        // `*` stays within a directory.
        let run = suite.run_settings("errors/deep/x.py");
        assert_eq!((run.seed, run.exit_code), (Some(9), Some(0)));
        assert_eq!(
            suite.run_settings("a/b/slow.py").skip.as_deref(),
            Some("slow")
        );
        assert_eq!(suite.run_settings("slow.py").skip.as_deref(), Some("slow"));
        assert_eq!(suite.run_settings("other.py").seed, Some(1));
    }
}
