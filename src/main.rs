use chitieu::cli::{self, Cli, Context, Failure};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("chitieu: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

fn run(args: &Cli) -> Result<(), Failure> {
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let context = Context::new(&args.global, colour)?;
    let path = cli::store_path(&context, &args.global)?;
    let command =
        args.command.as_ref().unwrap_or(&cli::Command::Report { format: cli::Format::Table, period: None });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    cli::run(command, &context, &path, &mut out)?;
    out.flush()?;
    Ok(())
}
