"""The report as `attribution/report-v1` JSON, for programs (CMS hooks, CI, scripts).

Kept apart from the markdown so the JSON follows the model's fields and nothing else.
"""

from __future__ import annotations

import json

from attribution.model import Report, to_json_dict
from attribution.report.common import encodable


def render_json(report: Report) -> str:
    """The report as `attribution/report-v1` JSON: UTF-8 text, 2-space indent, final newline."""
    return encodable(json.dumps(to_json_dict(report), ensure_ascii=False, indent=2) + "\n")
