//! What each subcommand does, once its command line has been read.

use std::ffi::{OsStr, OsString};

use govgraph::{
    Backend, DrawOptions, DuplicationOptions, FindingKind, MembersOptions, Overlay, RankDir,
    RenderError, Report, ReportOptions, Structure, SvgOptions, popolo,
};
use serde::Serialize;

use crate::findings::{self, FindingText};
use crate::input::{self, DATASETS, Input};
use crate::output::{self, Output};
use crate::{ConvertTo, DrawArgs, Ending, Failure, Renderer, ReportArgs, markdown};

/// The interlock size the report uses unless told otherwise: the default of
/// `ReportOptions::new`, which has no getter, so the tool always sets it.
const DEFAULT_INTERLOCK_MIN: usize = 3;

/// `check FILE...`: each file's problems on stderr, a line for each valid
/// one on stdout.
pub fn check(files: &[OsString]) -> Result<Ending, Failure> {
    let mut ending = Ending::Success;
    for file in files {
        match input::load(file) {
            Ok(Input {
                label, structure, ..
            }) => output::print(&format!(
                "{label}: valid: {} bodies, {} members, {} seats\n",
                structure.bodies().len(),
                structure.members().len(),
                structure.memberships().len()
            ))?,
            Err(failure) => {
                eprintln!("{}", failure.message);
                ending = Ending::Failure;
            }
        }
    }
    Ok(ending)
}

/// `report FILE`: the report on stdout; with `--fail-on`, the unwanted
/// findings on stderr and exit status 1.
pub fn report(args: &ReportArgs) -> Result<Ending, Failure> {
    let Input {
        label, structure, ..
    } = input::load(&args.file)?;
    let structure = args.view(structure);
    let threshold = args
        .duplicate_threshold
        .unwrap_or_else(|| DuplicationOptions::new().threshold_value());
    let interlock_min = args.interlocks_min.map_or(DEFAULT_INTERLOCK_MIN, |n| {
        usize::try_from(n).unwrap_or(usize::MAX)
    });
    let options = ReportOptions::new()
        .duplication(DuplicationOptions::new().threshold(threshold))
        .interlock_min_bodies(interlock_min);
    let report = Report::with_options(&structure, &options);
    if args.json {
        output::print_json(&report)?;
    } else if args.markdown {
        output::print(&markdown::report(
            &structure,
            &report,
            threshold,
            interlock_min,
        ))?;
    } else {
        output::stream(|out| write!(out, "{report}"))?;
    }

    let kinds: Vec<FindingKind> = args
        .fail_on
        .iter()
        .flat_map(|list| list.0.iter().copied())
        .collect();
    if kinds.is_empty() {
        return Ok(Ending::Success);
    }
    match report.ensure_none(&kinds) {
        Ok(()) => Ok(Ending::Success),
        Err(unwanted) => {
            eprintln!("error: {label}: {unwanted}");
            Ok(Ending::Failure)
        }
    }
}

/// `draw FILE -o OUT`: the drawing, written to OUT; which renderer drew it
/// and any warnings on stderr.
pub fn draw(args: &DrawArgs) -> Result<Ending, Failure> {
    let path = &args.output.path;
    output::ensure_writable(path, args.force)?;
    let Input {
        label, structure, ..
    } = input::load(&args.file)?;
    let structure = args.view(structure);
    let structure = match &args.focus {
        None => structure,
        Some(id) => structure.neighbourhood(id).ok_or_else(|| {
            Failure::new(format!(
                "{label}: no body {id:?} to focus on (give a body's id, as the file writes it)"
            ))
        })?,
    };
    // One finding: the view of it, and the overlay that marks it.
    let (structure, marked) = match &args.finding {
        None => (structure, None),
        Some(key) => {
            let report = structure.report();
            let finding = findings::select(&report, key)
                .map_err(|message| Failure::new(format!("{label}: {message}")))?;
            let overlay = Overlay::from(&finding);
            (structure.finding_view(&finding), Some(overlay))
        }
    };
    if args.members {
        let svg = structure.members_svg(&MembersOptions::new());
        output::write_file(path, &svg, args.force)?;
        eprintln!("wrote {} (who sits where)", path.display());
        return Ok(Ending::Success);
    }
    let mut options = DrawOptions::new().rankdir(RankDir::LeftToRight);
    let report = structure.report();
    if let Some(overlay) = marked {
        options = options.overlay(overlay);
    } else if !args.no_findings {
        options = options.overlay(Overlay::from(&report));
    }
    if args.output.is_dot() {
        output::write_file(path, &structure.to_dot(&options), args.force)?;
        eprintln!("wrote {} (Graphviz source)", path.display());
        return Ok(Ending::Success);
    }
    let backend = match args.renderer.unwrap_or(Renderer::Auto) {
        Renderer::Auto => Backend::Auto,
        Renderer::Dot => Backend::Dot,
        Renderer::Embedded => Backend::Embedded,
    };
    let svg_options = SvgOptions::new().backend(backend);
    let cannot =
        |e: RenderError| Failure::new(format!("cannot draw {label}: {}", render_error(&e)));
    let (text, drawn_by, warnings, what) = if args.output.kind == output::DrawKind::Html {
        let page = structure
            .to_html(&report, &options, &svg_options)
            .map_err(cannot)?;
        let (backend, warnings) = (page.backend(), page.warnings().to_vec());
        (
            page.into_string(),
            backend,
            warnings,
            "an interactive page, ",
        )
    } else {
        let svg = structure.to_svg(&options, &svg_options).map_err(cannot)?;
        let (backend, warnings) = (svg.backend(), svg.warnings().to_vec());
        (svg.into_string(), backend, warnings, "")
    };
    output::write_file(path, &text, args.force)?;
    eprintln!("wrote {} ({what}drawn by {drawn_by})", path.display());
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    Ok(Ending::Success)
}

/// What went wrong in drawing, with the advice in the tool's terms where
/// the library's message gives it in the library's (`Backend::Embedded`).
fn render_error(error: &RenderError) -> String {
    match error {
        RenderError::DotUnavailable { program, cause } => format!(
            "cannot run the Graphviz program {:?} ({cause}): install Graphviz, or pass \
             --renderer embedded (or auto) to use the built-in renderer",
            program.display().to_string()
        ),
        RenderError::DotTimedOut { program, timeout } => format!(
            "Graphviz {:?} did not finish within {:.0} s and was stopped: write a .dot file \
             and run dot on it yourself",
            program.display().to_string(),
            timeout.as_secs_f64()
        ),
        RenderError::EmbeddedTooLarge { nodes, limit } => format!(
            "the drawing has {nodes} nodes, more than the built-in renderer's limit of \
             {limit}: install Graphviz so that `dot` draws it, or write a .dot file"
        ),
        _ => error.to_string(),
    }
}

/// What `diff --json` prints.
#[derive(Serialize)]
struct DiffJson<'a> {
    earlier: &'a str,
    later: &'a str,
    changes: &'a govgraph::Changes,
    findings_resolved: &'a [FindingText],
    findings_introduced: &'a [FindingText],
}

/// `diff EARLIER LATER`: the structural changes, then the findings resolved
/// and introduced.
pub fn diff(earlier: &OsStr, later: &OsStr, as_json: bool) -> Result<Ending, Failure> {
    let earlier = input::load(earlier)?;
    let later = input::load(later)?;
    let changes = earlier.structure.diff(&later.structure);
    let (resolved, introduced) =
        findings::compare(&earlier.structure.report(), &later.structure.report());
    let text = if as_json {
        json(&DiffJson {
            earlier: &earlier.label,
            later: &later.label,
            changes: &changes,
            findings_resolved: &resolved,
            findings_introduced: &introduced,
        })?
    } else {
        let mut text = format!(
            "earlier: {}\nlater: {}\n\n{changes}",
            describe(&earlier),
            describe(&later)
        );
        for (title, list) in [
            ("findings resolved", &resolved),
            ("findings introduced", &introduced),
        ] {
            if list.is_empty() {
                text.push_str(&format!("{title}: none\n"));
            } else {
                text.push_str(&format!("{title} ({}):\n", list.len()));
                for finding in list {
                    text.push_str(&format!("  {}: {}\n", finding.kind, finding.text));
                }
            }
        }
        text
    };
    output::print(&text)?;
    Ok(Ending::Success)
}

/// A structure as `diff` names it: its label, and its name if it has one.
fn describe(input: &Input) -> String {
    match &input.structure.meta().name {
        Some(name) => format!("{} ({name})", input.label),
        None => input.label.clone(),
    }
}

/// `convert IN OUT`: the structure, written in another format.
pub fn convert(input: &OsStr, target: &Output, force: bool) -> Result<Ending, Failure> {
    if let Some(path) = &target.path {
        output::ensure_writable(path, force)?;
    }
    let input = input::load(input)?;
    let structure: &Structure = &input.structure;
    let text = match target.format {
        ConvertTo::Toml => structure.to_toml_string(),
        ConvertTo::Json => structure.to_json_string(),
        // A Popolo document read in keeps what govgraph does not model.
        ConvertTo::Popolo => match &input.popolo {
            Some(import) => import.to_json_string(),
            None => popolo::to_json_string(structure),
        },
    }
    .map_err(|e| Failure::new(format!("cannot convert {}: {e}", input.label)))?;
    let text = if text.ends_with('\n') {
        text
    } else {
        text + "\n"
    };
    match &target.path {
        Some(path) => {
            output::write_file(path, &text, force)?;
            eprintln!("wrote {}", path.display());
        }
        None => output::print(&text)?,
    }
    Ok(Ending::Success)
}

/// `datasets`: the bundled datasets, one a line.
pub fn datasets() -> Result<Ending, Failure> {
    let width = DATASETS
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (name, structure) in DATASETS {
        let structure = structure();
        let meta = structure.meta();
        text.push_str(&format!(
            "{name:width$}  {}: {} bodies, {} members\n",
            meta.name.as_deref().unwrap_or("(no name)"),
            structure.bodies().len(),
            structure.members().len(),
        ));
        if let Some(source) = &meta.source {
            text.push_str(&format!("{:width$}  from {source}\n", ""));
        }
    }
    output::print(&text)?;
    Ok(Ending::Success)
}

/// A value as pretty JSON, ending in a newline.
fn json(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| Failure::new(format!("cannot write JSON: {e}")))
}
