"""The one way quiz writes a length of time: ``8.6 s``, ``1 min 32 s``.

Answer times, round lengths and the score tables all use :func:`format_seconds`,
so a player never has to compare ``1m 32s`` with ``91.7 s``.
"""

from __future__ import annotations

import math


def format_seconds(seconds: float) -> str:
    """Under a minute to a tenth of a second (``8.6 s``); else ``1 min 32 s``."""
    if not math.isfinite(seconds) or seconds < 0:
        seconds = 0.0
    if round(seconds, 1) < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def format_limit(seconds: float) -> str:
    """A time limit as the pack wrote it: ``20 s``, ``7.5 s``, ``2 min``."""
    if seconds >= 60:
        return format_seconds(seconds)
    return f"{seconds:g} s"
