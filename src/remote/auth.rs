//! Credentials for an endpoint, read from the environment or a file and never from the command line
//! (where other users of the machine could read them in the process list).

use std::path::Path;

use base64::Engine;

use super::error::RemoteError;

/// Environment variable holding the user name for HTTP basic authentication.
pub const USER_VAR: &str = "BORDERKG_ENDPOINT_USER";
/// Environment variable holding the password for HTTP basic authentication.
pub const PASSWORD_VAR: &str = "BORDERKG_ENDPOINT_PASSWORD";
/// Environment variable holding a bearer token.
pub const TOKEN_VAR: &str = "BORDERKG_ENDPOINT_TOKEN";

/// How to authenticate to an endpoint.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// HTTP basic authentication.
    Basic {
        /// User name.
        user: String,
        /// Password.
        password: String,
    },
    /// `Authorization: Bearer TOKEN`.
    Bearer(String),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Basic { user, .. } => write!(f, "Basic({user}, ***)"),
            Self::Bearer(_) => write!(f, "Bearer(***)"),
        }
    }
}

impl Auth {
    /// The value of the `Authorization` header.
    pub fn header(&self) -> String {
        match self {
            Self::Basic { user, password } => format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
            ),
            Self::Bearer(token) => format!("Bearer {token}"),
        }
    }

    /// Credentials from `file` if given, else from the environment, else none.
    ///
    /// The file holds one line: `basic USER:PASSWORD` or `bearer TOKEN`.
    ///
    /// # Errors
    /// [`RemoteError::Credentials`] for an unreadable or malformed file, or a user without a
    /// password in the environment.
    pub fn find(file: Option<&Path>) -> Result<Option<Self>, RemoteError> {
        if let Some(file) = file {
            let text = std::fs::read_to_string(file)
                .map_err(|e| RemoteError::Credentials(format!("--auth-file {}: {e}", file.display())))?;
            return Self::parse_file(&text)
                .map(Some)
                .map_err(|why| RemoteError::Credentials(format!("--auth-file {}: {why}", file.display())));
        }
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(token) = var(TOKEN_VAR) {
            return Ok(Some(Self::Bearer(token)));
        }
        match (var(USER_VAR), var(PASSWORD_VAR)) {
            (Some(user), Some(password)) => Ok(Some(Self::Basic { user, password })),
            (Some(_), None) => Err(RemoteError::Credentials(format!(
                "{USER_VAR} is set but {PASSWORD_VAR} is not; set both for basic authentication"
            ))),
            (None, Some(_)) => Err(RemoteError::Credentials(format!(
                "{PASSWORD_VAR} is set but {USER_VAR} is not; set both for basic authentication"
            ))),
            (None, None) => Ok(None),
        }
    }

    fn parse_file(text: &str) -> Result<Self, String> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .ok_or("the file is empty; write `basic USER:PASSWORD` or `bearer TOKEN` in it")?;
        let (scheme, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        match scheme.to_ascii_lowercase().as_str() {
            "basic" => match rest.split_once(':') {
                Some((user, password)) if !user.is_empty() => Ok(Self::Basic {
                    user: user.to_owned(),
                    password: password.to_owned(),
                }),
                _ => Err("a basic line is `basic USER:PASSWORD`".into()),
            },
            "bearer" if !rest.is_empty() => Ok(Self::Bearer(rest.to_owned())),
            "bearer" => Err("a bearer line is `bearer TOKEN`".into()),
            other => Err(format!(
                "`{other}` is not a scheme borderkg knows; write `basic USER:PASSWORD` or `bearer TOKEN`"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_files_give_basic_or_bearer() {
        assert_eq!(
            Auth::parse_file("# team store\nbasic ana:s3:cret\n").expect("basic"),
            Auth::Basic {
                user: "ana".into(),
                password: "s3:cret".into()
            }
        );
        assert_eq!(
            Auth::parse_file("Bearer abc.def").expect("bearer"),
            Auth::Bearer("abc.def".into())
        );
        assert!(Auth::parse_file("").is_err());
        assert!(Auth::parse_file("digest x").is_err());
        assert!(Auth::parse_file("basic nocolon").is_err());
    }

    #[test]
    fn basic_header_is_base64_of_user_colon_password() {
        let auth = Auth::Basic {
            user: "Aladdin".into(),
            password: "open sesame".into(),
        };
        assert_eq!(auth.header(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    #[test]
    fn credentials_never_print() {
        let auth = Auth::Basic {
            user: "ana".into(),
            password: "hunter2".into(),
        };
        assert!(!format!("{auth:?}").contains("hunter2"));
    }
}
