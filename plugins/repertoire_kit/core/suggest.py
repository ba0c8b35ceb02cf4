"""Did-you-mean suggestions for misspelt keys and ids."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """A hint naming the closest known values, or "" when nothing is close.

    Case is ignored for the comparison, so `Sampling` suggests `sampling`.
    """
    candidates = sorted(set(known))
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    matches = difflib.get_close_matches(wrong.casefold(), list(by_folded), n=3, cutoff=0.6)
    if not matches:
        return ""
    names = [f"'{by_folded[m]}'" for m in matches]
    if len(names) == 1:
        return f"did you mean {names[0]}?"
    return f"did you mean {', '.join(names[:-1])} or {names[-1]}?"
