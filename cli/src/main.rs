//! `govgraph`: check, report, draw, diff and convert governance structure
//! files from the command line.
//!
//! Every command takes a structure file (`.toml` or `.json`, or Popolo JSON)
//! or the name of a bundled dataset (`govgraph datasets` lists them).
//! Results go to standard output, errors and warnings to standard error.
//! Exit status: 0 success, 1 findings (with `--fail-on`) or input that could
//! not be read, parsed or validated, 2 a wrong command line.

#![forbid(unsafe_code)]

mod commands;
mod findings;
mod input;
mod markdown;
mod output;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::findings::KindList;
use crate::output::{DrawTarget, Output};

#[derive(Parser)]
#[command(
    name = "govgraph",
    version,
    about = "Check, report on, draw, diff and convert the governance structure of a partnership",
    long_about = "Check, report on, draw, diff and convert the governance structure of a \
                  partnership (a council's Children's Trust, its boards and groups).\n\n\
                  Every FILE is a structure file (.toml or .json, or a Popolo .json file) \
                  or the name of a bundled dataset: run `govgraph datasets` for the names. \
                  Results go to standard output, errors and warnings to standard error.",
    after_help = concat!(
        "Examples:\n",
        "  govgraph datasets\n",
        "  govgraph report solihull-2011 --fail-on orphans\n",
        "  govgraph draw trust.toml -o trust.svg\n\n",
        "Exit status:\n",
        "  0  success\n",
        "  1  findings of a kind named by --fail-on, or a file that cannot be read,\n",
        "     parsed, validated or written\n",
        "  2  a wrong command line",
    )
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate structure files, printing every problem in each
    #[command(after_help = concat!(
        "Each valid file gets one line on standard output; every problem of an invalid one\n",
        "goes to standard error as FILE:LINE:COLUMN: body \"ID\" (KEY): PROBLEM.\n\n",
        "Examples:\n",
        "  govgraph check trust.toml\n",
        "  govgraph check trust.toml trust-2012.toml solihull-2011\n\n",
        "Exit status:\n",
        "  0  every file is valid\n",
        "  1  a file cannot be read, parsed or validated\n",
        "  2  a wrong command line",
    ))]
    Check {
        /// Structure files or bundled dataset names
        #[arg(required = true, value_name = "FILE")]
        files: Vec<OsString>,
    },

    /// Print the governance report: summary, orphans, closure impact,
    /// duplicates, cycles, scrutiny, interlocks, meetings
    #[command(after_help = concat!(
        "Kinds for --fail-on: orphan, duplicate, cycle, mutual-scrutiny,\n",
        "multiple-accountability, interlock, unknown-meetings (plurals are accepted),\n",
        "or all.\n\n",
        "Examples:\n",
        "  govgraph report solihull-2011\n",
        "  govgraph report trust.toml --markdown > report.md\n",
        "  govgraph report trust.toml --fail-on orphans,cycles   # in CI\n\n",
        "Exit status:\n",
        "  0  the report was printed (and has no findings of the --fail-on kinds)\n",
        "  1  findings of a --fail-on kind (each is listed on standard error), or a file\n",
        "     that cannot be read, parsed or validated\n",
        "  2  a wrong command line",
    ))]
    Report(ReportArgs),

    /// Draw a structure as SVG, an interactive HTML page or Graphviz DOT,
    /// findings marked
    #[command(after_help = concat!(
        "The output's extension picks what is written: .svg (a drawing), .html (one\n",
        "self-contained interactive page: the drawing, details on click, filters,\n",
        "search and who sits where; open it in any browser) or .dot (Graphviz\n",
        "source). SVG comes from Graphviz's `dot` when it is installed and from the\n",
        "built-in renderer otherwise (--renderer auto).\n\n",
        "Examples:\n",
        "  govgraph draw solihull-2011 -o solihull.svg\n",
        "  govgraph draw solihull-2011 -o solihull.html\n",
        "  govgraph draw halton-2008 -o halton-members.svg --members\n",
        "  govgraph draw solihull-2011 -o stay-safe.svg --finding duplicate:lscb,stay-safe\n",
        "  govgraph draw trust.toml -o trust.dot --no-findings\n",
        "  govgraph draw trust.toml -o trust.svg --renderer embedded --force\n\n",
        "Exit status:\n",
        "  0  the drawing was written\n",
        "  1  a file that cannot be read, parsed, validated, drawn or written (an\n",
        "     existing output without --force)\n",
        "  2  a wrong command line (an output that is not .svg, .html or .dot)",
    ))]
    Draw(DrawArgs),

    /// Show what changed between two snapshots, and the findings resolved
    /// and introduced
    #[command(after_help = concat!(
        "Bodies and members are matched by id; findings by kind and text, so a\n",
        "renamed body's findings show as resolved and introduced.\n\n",
        "Examples:\n",
        "  govgraph diff leicestershire-2009-current leicestershire-2009-proposed\n",
        "  govgraph diff trust-2011.toml trust-2012.toml --json\n\n",
        "Exit status:\n",
        "  0  the changes were printed (whether or not there are any)\n",
        "  1  a file that cannot be read, parsed or validated\n",
        "  2  a wrong command line",
    ))]
    Diff {
        /// The earlier snapshot: a structure file or bundled dataset name
        earlier: OsString,
        /// The later snapshot
        later: OsString,
        /// Print the changes and findings as JSON
        #[arg(long)]
        json: bool,
    },

    /// Convert between TOML, JSON and Popolo JSON
    #[command(after_help = concat!(
        "The input's format comes from its extension (.toml or .json); a .json file\n",
        "whose top level has Popolo's keys (organizations, persons, memberships, posts)\n",
        "and none of govgraph's (structure, body, member) is read as Popolo, by every\n",
        "command. The output's format comes from --to, or else from its extension:\n",
        ".toml, .json, or .popolo.json for Popolo. OUT may be - for standard output,\n",
        "with --to.\n\n",
        "Examples:\n",
        "  govgraph convert solihull-2011 solihull.json\n",
        "  govgraph convert trust.toml trust.popolo.json\n",
        "  govgraph convert senate-popolo.json senate.toml\n",
        "  govgraph convert trust.toml - --to popolo\n\n",
        "Exit status:\n",
        "  0  the file was written\n",
        "  1  a file that cannot be read, parsed, validated or written (an existing\n",
        "     output without --force)\n",
        "  2  a wrong command line",
    ))]
    Convert {
        /// The structure to convert: a file or bundled dataset name
        #[arg(value_name = "IN")]
        input: OsString,
        /// Where to write it, or - for standard output
        #[arg(value_name = "OUT")]
        output: PathBuf,
        /// The output format, when the extension does not say
        #[arg(long, value_enum)]
        to: Option<ConvertTo>,
        /// Overwrite OUT if it exists
        #[arg(long)]
        force: bool,
    },

    /// List the bundled datasets, which every command accepts in place of a
    /// file
    #[command(after_help = concat!(
        "Examples:\n",
        "  govgraph datasets\n",
        "  govgraph report halton-2008\n\n",
        "Exit status:\n",
        "  0  the list was printed\n",
        "  2  a wrong command line",
    ))]
    Datasets,
}

/// A date as the structure file format writes one.
fn parse_date(text: &str) -> Result<govgraph::Date, String> {
    text.parse().map_err(|e: govgraph::DateError| e.to_string())
}

impl ReportArgs {
    fn view(&self, structure: govgraph::Structure) -> govgraph::Structure {
        view(structure, self.as_at, self.intended)
    }
}

impl DrawArgs {
    fn view(&self, structure: govgraph::Structure) -> govgraph::Structure {
        view(structure, self.as_at, self.intended)
    }
}

/// The structure at a date, as intended, or as the file gives it.
fn view(
    structure: govgraph::Structure,
    as_at: Option<govgraph::Date>,
    intended: bool,
) -> govgraph::Structure {
    match as_at {
        Some(date) => structure.as_at(date),
        None if intended => structure.as_intended(),
        None => structure,
    }
}

#[derive(Args)]
struct ReportArgs {
    /// A structure file or bundled dataset name
    #[arg(value_name = "FILE")]
    file: OsString,
    /// Print the report as JSON
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print the report as Markdown
    #[arg(long)]
    markdown: bool,
    /// Analyse the structure as it stood at DATE ("2011", "2011-06",
    /// "June 2011", "2011-06-16"): relations and seats in force then
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "intended")]
    as_at: Option<govgraph::Date>,
    /// Analyse the structure with every intended change made
    #[arg(long)]
    intended: bool,
    /// Report members who sit on at least N bodies as interlocks [default: 3]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    interlocks_min: Option<u64>,
    /// Report pairs of bodies whose duplication score is at least X, from 0
    /// to 1 [default: 0.3]
    #[arg(long, value_name = "X", value_parser = findings::parse_threshold)]
    duplicate_threshold: Option<f64>,
    /// Exit with status 1 if the report has findings of these kinds
    #[arg(
        long,
        value_name = "KIND,...",
        value_parser = findings::parse_kinds,
        action = clap::ArgAction::Append
    )]
    fail_on: Vec<KindList>,
}

#[derive(Args)]
struct DrawArgs {
    /// A structure file or bundled dataset name
    #[arg(value_name = "FILE")]
    file: OsString,
    /// Draw the structure as it stood at DATE ("2011", "2011-06",
    /// "June 2011", "2011-06-16"): relations and seats in force then
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "intended")]
    as_at: Option<govgraph::Date>,
    /// Draw the structure with every intended change made
    #[arg(long)]
    intended: bool,

    /// The file to write: OUT.svg, OUT.html or OUT.dot
    #[arg(short, long, value_name = "OUT", value_parser = output::parse_draw_target)]
    output: DrawTarget,
    /// Which renderer draws an SVG [default: auto]
    #[arg(long, value_enum)]
    renderer: Option<Renderer>,
    /// Leave the report's findings (orphans, duplicates, cycles) unmarked
    #[arg(long)]
    no_findings: bool,
    /// Draw who sits where instead: the members view, a matrix of seat
    /// holders by bodies (OUT.svg only)
    #[arg(long, conflicts_with_all = ["renderer", "no_findings"])]
    members: bool,
    /// Draw only one body's neighbourhood: its route up to an apex, what
    /// answers to it, what else relates to it, and who sits on it
    #[arg(long, value_name = "ID")]
    focus: Option<String>,
    /// Draw only one finding of the report: what it is about and cites,
    /// their routes up to an apex and what is around them, the finding
    /// marked and its line in the key. KIND as --fail-on names it, then
    /// the ids it is about, as the report's JSON gives them:
    /// `duplicate:lscb,stay-safe`, `orphan:parents-forum`. A KIND alone, or
    /// ids that several findings share, lists the findings to choose from
    #[arg(long, value_name = "KIND[:ID,...]", conflicts_with_all = ["focus", "no_findings"])]
    finding: Option<String>,
    /// Overwrite OUT if it exists
    #[arg(long)]
    force: bool,
}

/// The renderers `--renderer` names.
#[derive(Clone, Copy, ValueEnum)]
enum Renderer {
    /// Graphviz's `dot` if it can be run, else the built-in renderer
    Auto,
    /// Graphviz's `dot` program; an error if it cannot be run
    Dot,
    /// The built-in renderer, which needs nothing installed
    Embedded,
}

/// The formats `convert --to` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ConvertTo {
    /// A govgraph structure file in TOML
    Toml,
    /// A govgraph structure file in JSON
    Json,
    /// A Popolo JSON document
    Popolo,
}

/// How a command that ran ends.
enum Ending {
    /// Exit status 0.
    Success,
    /// Exit status 1: findings, or input that could not be used; what went
    /// wrong has been said on stderr.
    Failure,
}

/// A command that could not finish, with what to tell the user.
struct Failure {
    message: String,
    /// The message is a list of a structure's problems, one a line, each
    /// naming its file and place, printed as it is rather than after
    /// `error: `.
    problems: bool,
}

impl Failure {
    /// A failure to be printed after `error: `.
    fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            problems: false,
        }
    }

    /// A structure's problems, one a line.
    fn problems(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            problems: true,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { files } => commands::check(&files),
        Command::Report(args) => commands::report(&args),
        Command::Draw(args) => {
            if args.members && args.output.kind != output::DrawKind::Svg {
                usage_error(
                    "draw",
                    "--members draws the members view as SVG: name the output .svg",
                );
            }
            if args.renderer.is_some() && args.output.is_dot() {
                usage_error(
                    "draw",
                    "--renderer chooses how a drawing is rendered: leave it out for a .dot output",
                );
            }
            commands::draw(&args)
        }
        Command::Diff {
            earlier,
            later,
            json,
        } => commands::diff(&earlier, &later, json),
        Command::Convert {
            input,
            output,
            to,
            force,
        } => {
            let target = match Output::convert_target(&output, to) {
                Ok(target) => target,
                Err(message) => usage_error("convert", &message),
            };
            commands::convert(&input, &target, force)
        }
        Command::Datasets => commands::datasets(),
    };
    match result {
        Ok(Ending::Success) => ExitCode::SUCCESS,
        Ok(Ending::Failure) => ExitCode::FAILURE,
        Err(failure) if failure.problems => {
            eprintln!("{}", failure.message);
            ExitCode::FAILURE
        }
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::FAILURE
        }
    }
}

/// Ends the program as clap does for a wrong command line: the message and
/// the subcommand's usage on stderr, exit status 2.
fn usage_error(subcommand: &str, message: &str) -> ! {
    let mut command = Cli::command();
    command.build();
    let command = command
        .find_subcommand_mut(subcommand)
        .expect("the subcommand is defined");
    command
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
