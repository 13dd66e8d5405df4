"""``whimbrel eval GOLD``: code a gold file's texts and score the events."""

from __future__ import annotations

import click

from . import dict_options, main, opinion_option
from .output import Output, OutputCommand, output_options


@main.command("eval", cls=OutputCommand)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@output_options(csv=False)
@click.option("--max-items", default=40, show_default=True, help="How many misses and extras to list in the text view.")
@click.option("--split", type=click.Choice(["even", "odd"]), default=None,
              help="Score one half only: by sentence_id parity for PLV TSV, else every other record.")
@opinion_option
@dict_options
def eval_cmd(gold: str, out: Output, max_items: int, split: str | None) -> None:
    """Score coding against GOLD: PLOVER gold JSON, PETRARCH XML records, a whimbrel
    article gold JSON or sentence JSONL, or a span-marked PLV TSV.

    Reports precision, recall and F1 for (source root, target root, CAMEO root),
    the full CAMEO code, the PLOVER type and (source root, PLOVER type), with
    per-type numbers and the lists of misses and extras. For gold with marked
    source and target spans (PLV TSV) it also reports sentence type F1, source
    recall and dyad recall (type + source span + target span). --json gives the
    full report as one JSON object.
    """
    from ..errors import WhimbrelError
    from ..evaluate import evaluate, format_report

    try:
        rep = evaluate(gold, split=split)
    except WhimbrelError as e:
        raise click.ClickException(str(e)) from e
    out.document(rep.as_dict(), text=lambda: [format_report(rep, max_items=max_items)], noun="report")
