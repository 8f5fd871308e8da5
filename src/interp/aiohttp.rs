//! The simulated `aiohttp`: scenarios fetch URLs offline and deterministically.
//!
//! `aiohttp.ClientSession()` makes a session; `session.get(url)` (or `post`) is a request
//! that is both awaitable and an async context manager, as in aiohttp. Sending it waits the
//! URL's latency on the virtual clock, then gives a response with the URL's status and
//! body, taken from the `[aiohttp]` table of the suite's `scenario.toml` (see
//! [`HttpConfig`]) or from deterministic defaults. Every request and response is a trace
//! event.

use std::cell::Cell;
use std::rc::Rc;

use super::Interp;
use super::Resume;
use super::Suspend;
use super::asyncio::{Coroutine, NativeCoro, NativeStep};
use super::builtins::{MethodName, bind, exactly};
use super::exceptions::{ExcType, Exception, PyResult, runtime_error};
use super::object::{Object, ready_coro};
use super::value::Value;
use crate::runtime::TimerId;
use crate::trace::Event;

/// The latency of a URL the configuration does not name, in seconds.
pub const DEFAULT_LATENCY: f64 = 0.1;

/// What one URL answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    pub latency: f64,
    pub status: i64,
    pub body: String,
}

/// The simulated web: per-URL answers and the defaults for every other URL.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpConfig {
    pub default_latency: f64,
    pub default_status: i64,
    /// The default body; `{url}` in it is replaced by the URL.
    pub default_body: Option<String>,
    pub urls: Vec<(String, Endpoint)>,
}

impl Default for HttpConfig {
    fn default() -> HttpConfig {
        HttpConfig {
            default_latency: DEFAULT_LATENCY,
            default_status: 200,
            default_body: None,
            urls: Vec::new(),
        }
    }
}

impl HttpConfig {
    /// What `url` answers.
    pub fn endpoint(&self, url: &str) -> Endpoint {
        if let Some((_, endpoint)) = self.urls.iter().find(|(u, _)| u == url) {
            return endpoint.clone();
        }
        let body = match &self.default_body {
            Some(body) => body.replace("{url}", url),
            None => default_body(url),
        };
        Endpoint {
            latency: self.default_latency,
            status: self.default_status,
            body,
        }
    }
}

/// A small HTML page naming the URL.
fn default_body(url: &str) -> String {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or(url);
    format!(
        "<!doctype html>\n<html>\n<head>\n    <title>{host}</title>\n</head>\n<body>\n    \
         <h1>{host}</h1>\n    <p>A simulated page for {url}.</p>\n</body>\n</html>\n"
    )
}

#[derive(Default)]
pub struct Session {
    closed: Cell<bool>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }
}

/// `session.get(url)`: not sent until awaited or entered.
pub struct Request {
    method: &'static str,
    url: String,
}

pub struct Response {
    method: &'static str,
    url: String,
    status: i64,
    body: String,
}

impl Response {
    pub fn repr(&self) -> String {
        format!(
            "<ClientResponse({}) [{} {}]>",
            self.url,
            self.status,
            reason(self.status)
        )
    }
}

/// The reason phrase of a status code.
fn reason(status: i64) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The native coroutine that sends a request and waits for its response.
pub struct Fetch {
    method: &'static str,
    url: String,
    timer: Option<TimerId>,
}

impl Fetch {
    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        let endpoint = interp.options.http.endpoint(&self.url);
        match self.timer.take() {
            None => {
                if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                interp.event(Event::Requested(format!("{} {}", self.method, self.url)));
                let future = super::asyncio::Future::plain(super::asyncio::Waiting::Other(
                    format!("the response to {} {}", self.method, self.url),
                ));
                let timer = interp.sched.call_later(
                    endpoint.latency,
                    super::asyncio::Handle::SleepDone(future.clone(), Value::None),
                );
                self.timer = Some(timer);
                NativeStep::Yield(Suspend::Future(future))
            }
            Some(timer) => {
                interp.sched.cancel(timer);
                if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                interp.event(Event::Responded(format!(
                    "{} from {} ({} bytes)",
                    endpoint.status,
                    self.url,
                    endpoint.body.len()
                )));
                let response = Response {
                    method: self.method,
                    url: self.url.clone(),
                    status: endpoint.status,
                    body: endpoint.body,
                };
                NativeStep::Return(Value::Object(Rc::new(Object::Response(response))))
            }
        }
    }
}

fn fetch(request: &Request) -> Value {
    let fetch = Fetch {
        method: request.method,
        url: request.url.clone(),
        timer: None,
    };
    Value::Coroutine(Coroutine::native(
        "_request",
        NativeCoro::Fetch(Box::new(fetch)),
    ))
}

impl Interp {
    pub fn aiohttp_method(
        &mut self,
        object: &Rc<Object>,
        name: &str,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match (&**object, name) {
            (Object::Session(session), "get" | "post") => {
                let bound = bind(method, args, Vec::new(), &["url"], 1)?;
                drop(kwargs); // headers, params, json, data...: accepted, not simulated
                if session.closed.get() {
                    return Err(runtime_error("Session is closed"));
                }
                let url = bound[0].as_ref().expect("required").to_str();
                let request = Request {
                    method: if name == "get" { "GET" } else { "POST" },
                    url,
                };
                Ok(Value::Object(Rc::new(Object::Request(request))))
            }
            (Object::Session(session), "close") => {
                exactly(method, args, &kwargs, 0)?;
                session.closed.set(true);
                Ok(ready_coro("close", Ok(Value::None)))
            }
            (Object::Response(response), "text" | "read") => {
                let _ = bind(method, args, Vec::new(), &["encoding"], 0)?;
                Ok(ready_coro("text", Ok(Value::str(&*response.body))))
            }
            (Object::Response(response), "json") => {
                let _ = kwargs;
                exactly(method, args, &[], 0)?;
                Ok(ready_coro("json", json_to_value(&response.body)))
            }
            (Object::Response(_), "release") => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::None)
            }
            _ => Err(super::exceptions::attribute_error(object.type_name(), name)),
        }
    }

    pub fn aiohttp_attribute(&mut self, object: &Rc<Object>, name: &str) -> Option<Value> {
        match (&**object, name) {
            (Object::Response(response), "status") => Some(Value::Int(response.status)),
            (Object::Response(response), "reason") => Some(Value::str(reason(response.status))),
            (Object::Response(response), "url") => Some(Value::str(&*response.url)),
            (Object::Response(response), "method") => Some(Value::str(response.method)),
            (Object::Response(response), "ok") => Some(Value::bool(response.status < 400)),
            (Object::Session(session), "closed") => Some(Value::bool(session.closed.get())),
            _ => None,
        }
    }

    /// `async with session`, `async with session.get(url) as response`.
    pub fn aiohttp_enter(&mut self, object: &Rc<Object>) -> PyResult<Value> {
        match &**object {
            Object::Request(request) => Ok(fetch(request)),
            _ => Ok(ready_coro("__aenter__", Ok(Value::Object(object.clone())))),
        }
    }

    pub fn aiohttp_exit(&mut self, object: &Rc<Object>) -> PyResult<Value> {
        if let Object::Session(session) = &**object {
            session.closed.set(true);
        }
        Ok(ready_coro("__aexit__", Ok(Value::None)))
    }

    /// `await session.get(url)`
    pub fn aiohttp_await(&mut self, object: &Rc<Object>) -> Option<Value> {
        match &**object {
            Object::Request(request) => Some(fetch(request)),
            _ => None,
        }
    }
}

/// A JSON body as Python values (`json.loads`).
fn json_to_value(body: &str) -> PyResult<Value> {
    let parsed: serde_json::Value = serde_json::from_str(body).map_err(|e| {
        Exception::msg(
            ExcType::ValueError,
            format!("the response body is not JSON: {e}"),
        )
    })?;
    Ok(convert(&parsed))
}

fn convert(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::float(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::str(&**s),
        serde_json::Value::Array(items) => Value::list(items.iter().map(convert).collect()),
        serde_json::Value::Object(map) => {
            let mut dict = super::value::DictMap::default();
            for (key, value) in map {
                let key = super::value::Key::new(Value::str(&**key)).expect("a str is hashable");
                dict.insert(key, convert(value));
            }
            Value::dict(dict)
        }
    }
}
