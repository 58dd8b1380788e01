#!/usr/bin/env bash
# The layer rules of ARCHITECTURE.md, checked on the source text:
#  1. `src/domain/` is pure: no file access, no terminal, no command line, no wording, no store
#     (it names only `crate::domain` of this crate);
#  2. the top-level modules (src/X.rs with src/X/) import each other without a cycle;
#  3. `src/report/` writes documents from data: it names none of the command line, the view,
#     its drawing or the terminal (`cli`, `app`, `ui`, `tui`).
# Exit status 1, with what was found, when a rule is broken.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0

# 1. The pure domain. Comments (`//`, `///`, `//!`) may name anything.
upper='(i18n|store|ops|report|cli|app|ui|tui)'
forbidden="std::fs|\\bFile::|ratatui|crossterm|\\bclap\\b|crate::$upper\\b|crate::\\{[^}]*\\b$upper\\b|super::super"
if hits=$(grep -rnE "$forbidden" src/domain.rs src/domain/ | grep -vE '^[^:]+:[0-9]+:\s*//'); then
    echo "check-layers: src/domain/ must not read files, draw, parse a command line, word a message or use the store:"
    echo "$hits"
    failed=1
fi

# 3. The report renderers take what they need (an `Options`), not the command line's context.
above='(cli|app|ui|tui)'
if hits=$(grep -rnE "crate::$above\b|crate::\{[^}]*\b$above\b|super::super" src/report.rs src/report/ | grep -vE '^[^:]+:[0-9]+:\s*//'); then
    echo "check-layers: src/report/ must not import the command line, the view or the terminal:"
    echo "$hits"
    failed=1
fi

# 2. The graph of the top-level modules: an edge "A B" for each `crate::B` named in A.
modules=$(ls src/*.rs | sed -E 's|src/(.*)\.rs|\1|' | grep -vE '^(lib|main)$')
edges=$(
    for from in $modules; do
        files=("src/$from.rs")
        [ -d "src/$from" ] && while IFS= read -r f; do files+=("$f"); done < <(find "src/$from" -name '*.rs')
        # `crate::x` and the names inside `crate::{x, y::z}`.
        grep -hvE '^\s*//' "${files[@]}" |
            grep -oE 'crate::(\{[^}]*\}|[a-z0-9_]+)' |
            sed -E 's/^crate:://; s/[{}]//g' | tr ',' '\n' | sed -E 's/^\s+//; s/::.*//' |
            grep -xE "$(echo "$modules" | paste -sd'|')" | grep -vx "$from" | sort -u |
            sed "s/^/$from /" || true
    done
)
if ! order=$(echo "$edges" | tsort 2>&1 >/dev/null) || [ -n "$order" ]; then
    echo "check-layers: the top-level modules import each other in a cycle:"
    echo "$order"
    echo "edges (importer imported):"
    echo "$edges"
    failed=1
fi

[ -n "${VERBOSE:-}" ] && echo "$edges"
if [ "$failed" = 0 ]; then
    echo "check-layers: domain pure; report free of cli/app/ui/tui; no import cycle between: $(echo $modules)"
fi
exit "$failed"
