"""The report as `attribution/report-v1` JSON, for programs (CMS hooks, CI, scripts).

Kept apart from the markdown so the JSON follows the model's fields and nothing else.
"""

from __future__ import annotations

import json

from attribution.model import Report, to_json_dict
from attribution.report.common import encodable


def render_json(report: Report, *, include_text: bool = False) -> str:
    """The report as `attribution/report-v1` JSON: UTF-8 text, 2-space indent, final newline.

    Args:
        report: the result of `compare`, `check` or `extract`.
        include_text: also give each article its `text` as the tool read it (after decoding,
            and for a web page after finding the article), which every `start`/`end` offset
            indexes; off by default because it repeats whole articles.

    Returns:
        The JSON text.
    """
    data = to_json_dict(report)
    if include_text:
        for article, entry in zip(report.articles, data["articles"], strict=True):
            entry["text"] = article.text
    return encodable(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
