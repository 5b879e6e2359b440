//! HTTP plumbing: the error a handler returns and the one place that maps it to a status, response
//! builders, CORS headers, and decoding of query strings and form bodies (strictly UTF-8).

use std::io::Read;

use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE,
};
use oxhttp::model::{Body, HeaderValue, Request, Response, StatusCode};

use crate::error::Error;

/// Most bytes a request body (a query or a form) may have.
pub const MAX_BODY: usize = 1024 * 1024;

/// Why a request gets no regular answer: the status and a message for the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong and what to do, as plain text.
    pub message: String,
}

impl Failure {
    /// A failure with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<Error> for Failure {
    /// The status of each library error: the client's mistakes are 4xx, limits are 413/503/504,
    /// the rest (storage, unreadable files) 500.
    fn from(error: Error) -> Self {
        let status = match &error {
            Error::SparqlSyntax { .. } | Error::Parameter(_) | Error::Term(_) => StatusCode::BAD_REQUEST,
            Error::UnknownQuery { .. } => StatusCode::NOT_FOUND,
            Error::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            Error::RowLimit(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Error::MemoryLimit { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let message = match &error {
            Error::Timeout(after) => format!(
                "the query was stopped after {:.1} s, the server's time limit, and no answer is \
                 sent; narrow it (a LIMIT, fewer joins) or ask for a longer --timeout",
                after.as_secs_f64()
            ),
            Error::RowLimit(limit) => format!(
                "the answer has more than {limit} rows or triples, the server's --max-rows; nothing \
                 is sent rather than a part of it: add a LIMIT, or page with LIMIT and OFFSET"
            ),
            _ => error.to_string(),
        };
        Self::new(status, message)
    }
}

/// A response with `content_type` and `body`.
pub fn bytes(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

/// A plain-text response.
pub fn text(status: StatusCode, message: &str) -> Response<Body> {
    let mut body = message.to_owned();
    body.push('\n');
    bytes(status, "text/plain; charset=utf-8", body.into_bytes())
}

/// An HTML page.
pub fn html(status: StatusCode, page: String) -> Response<Body> {
    bytes(status, "text/html; charset=utf-8", page.into_bytes())
}

/// The response for `failure`.
pub fn failure(failure: &Failure) -> Response<Body> {
    text(failure.status, &failure.message)
}

/// Adds the headers that let scripts on other origins read the answers.
pub fn with_cors(mut response: Response<Body>) -> Response<Body> {
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Accept, Content-Type"),
    );
    response
}

/// Reads the request body, refusing one longer than [`MAX_BODY`] with 413.
///
/// # Errors
/// 413 for a body too long, 400 for one that cannot be read.
pub fn read_body(request: &mut Request<Body>) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    let limit = u64::try_from(MAX_BODY).unwrap_or(u64::MAX).saturating_add(1);
    request
        .body_mut()
        .take(limit)
        .read_to_end(&mut body)
        .map_err(|e| Failure::bad_request(format!("the request body could not be read: {e}")))?;
    if body.len() > MAX_BODY {
        return Err(Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is longer than {MAX_BODY} bytes, the most this server reads"),
        ));
    }
    Ok(body)
}

/// Decodes `application/x-www-form-urlencoded` text (a query string or a form body) into its pairs.
///
/// # Errors
/// 400 when a value is not UTF-8 after percent-decoding.
pub fn form(encoded: &[u8]) -> Result<Vec<(String, String)>, Failure> {
    encoded
        .split(|b| *b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut halves = part.splitn(2, |b| *b == b'=');
            let name = decode(halves.next().unwrap_or_default())?;
            let value = decode(halves.next().unwrap_or_default())?;
            Ok((name, value))
        })
        .collect()
}

/// Percent-decodes one form component (`+` is a space).
///
/// # Errors
/// 400 when the result is not UTF-8.
pub fn decode(component: &[u8]) -> Result<String, Failure> {
    let mut out = Vec::with_capacity(component.len());
    let mut i = 0;
    while i < component.len() {
        match component[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = component
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map_err(|_| Failure::bad_request("a parameter is not valid UTF-8 after percent-decoding"))
}

/// Percent-encodes `text` for a query string or a path segment.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The parameters of the request's query string.
///
/// # Errors
/// As [`form`].
pub fn query_params(request: &Request<Body>) -> Result<Vec<(String, String)>, Failure> {
    form(request.uri().query().unwrap_or_default().as_bytes())
}

/// The value of the first parameter named `name`.
pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The request's header `name` as text, empty when absent or not text.
pub fn header(request: &Request<Body>, name: oxhttp::model::HeaderName) -> &str {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent() {
        let pairs = form(b"query=SELECT+%3Fs%20WHERE&x=&format=json").expect("decodes");
        assert_eq!(pairs[0], ("query".into(), "SELECT ?s WHERE".into()));
        assert_eq!(pairs[1], ("x".into(), String::new()));
        assert_eq!(param(&pairs, "format"), Some("json"));
    }

    #[test]
    fn invalid_utf8_is_a_bad_request() {
        let err = form(b"query=%FF%FE").expect_err("not utf-8");
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn encode_round_trips() {
        let text = "Rahmon & co/é?";
        assert_eq!(decode(encode(text).as_bytes()).expect("decodes"), text);
    }
}
