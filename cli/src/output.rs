//! Where results go: the file `-o` or `OUT` names, written only when it
//! does not exist or `--force` is given, or standard output.

use std::ffi::OsStr;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::{ConvertTo, Failure};

/// What `draw -o` writes, read from the output's extension.
#[derive(Clone, Debug)]
pub struct DrawTarget {
    /// The file.
    pub path: PathBuf,
    /// What is written there.
    pub kind: DrawKind,
}

/// What `draw` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawKind {
    /// An SVG drawing.
    Svg,
    /// Graphviz source.
    Dot,
    /// The interactive HTML page.
    Html,
}

impl DrawTarget {
    /// Whether the output is Graphviz DOT rather than a rendered drawing.
    pub fn is_dot(&self) -> bool {
        self.kind == DrawKind::Dot
    }
}

const DRAW_OUTPUTS: &str =
    ".svg (a drawing), .html (an interactive page) or .dot (Graphviz source)";

/// Reads `draw -o`: a path ending in `.svg`, `.html` (or `.htm`) or `.dot`.
pub fn parse_draw_target(text: &str) -> Result<DrawTarget, String> {
    let path = PathBuf::from(text);
    let kind = match lower_extension(&path).as_deref() {
        Some("svg") => DrawKind::Svg,
        Some("dot") => DrawKind::Dot,
        Some("html" | "htm") => DrawKind::Html,
        Some(other) => {
            return Err(format!(
                "cannot write a .{other} file: name the output {DRAW_OUTPUTS}"
            ));
        }
        None => {
            return Err(format!(
                "the output has no extension: name it {DRAW_OUTPUTS}"
            ));
        }
    };
    Ok(DrawTarget { path, kind })
}

/// Where `convert` writes, and in which format.
pub struct Output {
    /// The file, or `None` for standard output.
    pub path: Option<PathBuf>,
    /// The format.
    pub format: ConvertTo,
}

impl Output {
    /// The target of `convert`: the format `--to` names, or else the one
    /// the extension names (`.toml`, `.json`, `.popolo.json`). An error,
    /// to be reported as a wrong command line, when neither says, or when
    /// they disagree.
    pub fn convert_target(path: &Path, to: Option<ConvertTo>) -> Result<Output, String> {
        if path.as_os_str() == "-" {
            return match to {
                Some(format) => Ok(Output { path: None, format }),
                None => Err("say which format to write to standard output with --to".to_string()),
            };
        }
        let by_name = match lower_extension(path).as_deref() {
            Some("toml") => Some(ConvertTo::Toml),
            Some("json") if is_popolo_name(path) => Some(ConvertTo::Popolo),
            Some("json") => Some(ConvertTo::Json),
            _ => None,
        };
        let format = match (to, by_name) {
            (Some(ConvertTo::Toml), Some(ConvertTo::Json | ConvertTo::Popolo))
            | (Some(ConvertTo::Json | ConvertTo::Popolo), Some(ConvertTo::Toml)) => {
                return Err(format!(
                    "--to {} does not match the extension of {}: name the output .toml for TOML, .json for JSON or Popolo",
                    name(to),
                    path.display()
                ));
            }
            (Some(format), _) | (None, Some(format)) => format,
            (None, None) => {
                return Err(format!(
                    "cannot tell the format of {} from its name: name it .toml, .json or .popolo.json, or say --to",
                    path.display()
                ));
            }
        };
        Ok(Output {
            path: Some(path.to_path_buf()),
            format,
        })
    }
}

fn name(format: Option<ConvertTo>) -> &'static str {
    match format {
        Some(ConvertTo::Toml) => "toml",
        Some(ConvertTo::Json) => "json",
        Some(ConvertTo::Popolo) => "popolo",
        None => "",
    }
}

fn is_popolo_name(path: &Path) -> bool {
    path.file_stem()
        .map(Path::new)
        .and_then(lower_extension)
        .is_some_and(|inner| inner == "popolo")
}

fn lower_extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase)
}

/// Fails if `path` exists and may not be overwritten, before any work is
/// done for it.
pub fn ensure_writable(path: &Path, force: bool) -> Result<(), Failure> {
    if !force && path.exists() {
        return Err(exists(path));
    }
    Ok(())
}

/// Writes `text` to `path`: a new file, or with `force` over an existing
/// one.
pub fn write_file(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        let parent = path.parent().filter(|dir| !dir.as_os_str().is_empty());
        match parent {
            _ if e.kind() == ErrorKind::AlreadyExists => exists(path),
            Some(dir) if e.kind() == ErrorKind::NotFound && !dir.exists() => Failure::new(format!(
                "cannot write {}: the directory {} does not exist",
                path.display(),
                dir.display()
            )),
            _ => Failure::new(format!("cannot write {}: {e}", path.display())),
        }
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))
}

fn exists(path: &Path) -> Failure {
    Failure::new(format!(
        "{} exists: pass --force to overwrite it",
        path.display()
    ))
}

/// Writes text to standard output. A reader that stops early (`| head`) is
/// not an error worth a message.
pub fn print(text: &str) -> Result<(), Failure> {
    stream(|out| out.write_all(text.as_bytes()))
}

/// Writes to standard output as `write` makes it, through a buffer, so
/// that a large report is never held whole as text. A reader that stops
/// early (`| head`) is not an error worth a message.
pub fn stream(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::new(format!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Writes a value to standard output as pretty JSON, ending in a newline,
/// as it is made.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let mut unwritable = None;
    stream(|out| {
        serde_json::to_writer_pretty(&mut *out, value).map_err(|e| {
            if e.is_io() {
                std::io::Error::from(e)
            } else {
                let message = format!("cannot write JSON: {e}");
                unwritable = Some(message.clone());
                std::io::Error::other(message)
            }
        })?;
        out.write_all(b"\n")
    })
    .map_err(|failure| unwritable.map_or(failure, Failure::new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawings_are_svg_or_dot_by_extension() {
        assert!(!parse_draw_target("out/s.SVG").unwrap().is_dot());
        assert!(parse_draw_target("s.dot").unwrap().is_dot());
        assert_eq!(parse_draw_target("s.HTML").unwrap().kind, DrawKind::Html);
        assert_eq!(parse_draw_target("s.htm").unwrap().kind, DrawKind::Html);
        let png = parse_draw_target("s.png").unwrap_err();
        assert!(png.contains(".png") && png.contains(".html"), "{png}");
        assert!(parse_draw_target("s").is_err());
    }

    #[test]
    fn conversions_take_their_format_from_to_or_the_extension() {
        let format = |path: &str, to| Output::convert_target(Path::new(path), to).map(|o| o.format);
        assert_eq!(format("a.toml", None), Ok(ConvertTo::Toml));
        assert_eq!(format("a.json", None), Ok(ConvertTo::Json));
        assert_eq!(format("a.popolo.json", None), Ok(ConvertTo::Popolo));
        assert_eq!(
            format("a.json", Some(ConvertTo::Popolo)),
            Ok(ConvertTo::Popolo)
        );
        assert_eq!(format("-", Some(ConvertTo::Toml)), Ok(ConvertTo::Toml));
        assert!(format("-", None).is_err());
        assert!(format("a.txt", None).is_err());
        assert!(format("a.json", Some(ConvertTo::Toml)).is_err());
        assert!(format("a.toml", Some(ConvertTo::Popolo)).is_err());
    }
}
