"""``newsgraph eval``: the pipeline over every annotated set, scored by the shared scorer."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsgraph.cli.common import emit, fail, warn


def eval_command(
    data: str = typer.Option(
        "../shared/data",
        "--data",
        help="Folder of annotated sets (conll2003/, plover/, m2e2-text/, polnear/, crossre/, conll2002-es/, news-es/; examples/ beside it).",
    ),
    scorer: str = typer.Option("../shared/tools/score.py", "--scorer", help="The shared scorer, score.py."),
    corpus: str = typer.Option(
        "training/corpus", "--corpus", help="newsgraph's annotated corpus (docs/annotation.md); its texts are read from --data."
    ),
    identity: str = typer.Option(
        "training/identity", "--identity", help="Gold of identity across articles (docs/identity-annotation.md): events-*.jsonl, actors-*.jsonl."
    ),
    sets: str | None = typer.Option(
        None,
        "--sets",
        help="Comma-separated subset of: conll,gsr,m2e2,polnear,crossre,corpus,example,speed,conll-es,news-es,speed-es,events,actors.",
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Also write the Markdown table to this file (e.g. docs/accuracy.md), keeping the text outside its markers."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many documents per file (a quick look; not comparable)."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (one per figure) instead of the table."),
) -> None:
    """Run the pipeline over every annotated set and print the accuracy table (scored by score.py)."""
    from newsgraph.evaluate.accuracy import SETS, EvalError, document, evaluate, markdown

    chosen = [s.strip() for s in sets.split(",") if s.strip()] if sets else list(SETS)
    try:
        rows = evaluate(
            Path(data),
            Path(scorer),
            chosen,
            limit,
            progress=lambda name: warn(f"scoring {name} ..."),
            corpus_folder=Path(corpus),
            identity_folder=Path(identity),
        )
    except EvalError as e:
        fail(str(e), 2)
    command = "newsgraph eval" + (f" --sets {','.join(chosen)}" if sets else "") + (f" --limit {limit}" if limit else "")
    table = markdown(rows, command)
    if as_json:
        for r in rows:
            emit(r.as_dict())
    else:
        sys.stdout.write(table)
    if output:
        out = Path(output)
        previous = out.read_text(encoding="utf-8") if out.exists() else None
        out.write_text(document(table, previous), encoding="utf-8")
