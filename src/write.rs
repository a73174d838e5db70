//! The writing error: a structure, or a Popolo document, that could not be
//! written as text. It knows nothing of reading or drawing, which have
//! errors of their own.

/// Why a structure could not be written as TOML or JSON, or as a Popolo
/// document.
///
/// The writers fail only if the TOML or JSON serialiser refuses a value,
/// which a validated structure does not make them do; the error is there so
/// that a future change that could is reported, never a panic. Its
/// `Display` says what could not be written and the serialiser's message,
/// and it has no further [`source`](std::error::Error::source).
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Structure, WriteError};
///
/// fn save(s: &Structure) -> Result<String, WriteError> {
///     s.to_toml_string()
/// }
///
/// let s = Structure::builder()
///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
///     .build()?;
/// assert!(save(&s)?.contains("name = \"Trust Board\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[error("cannot write the structure as {format}: {message}")]
pub struct WriteError {
    /// What was being written: "TOML", "JSON" or "Popolo JSON".
    format: &'static str,
    /// The serialiser's message.
    message: String,
}

impl WriteError {
    pub(crate) fn new(format: &'static str, cause: impl std::fmt::Display) -> WriteError {
        WriteError {
            format,
            message: cause.to_string(),
        }
    }
}
