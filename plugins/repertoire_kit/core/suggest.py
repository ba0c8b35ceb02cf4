"""Did-you-mean suggestions for misspelt keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_CUTOFF = 0.6
# How much less similar than the best match another may be and still be suggested.
_MARGIN = 0.1


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """A hint naming the closest known values, or "" when nothing is close.

    Case is ignored for the comparison, so `Sampling` suggests `sampling`.
    """
    return phrase([f"'{name}'" for name in closest(wrong, known)])


def closest(wrong: str, known: Iterable[str]) -> list[str]:
    """Up to three known values closest to `wrong`, closest first (case ignored).

    For `folder/name` values the names are compared: a shared folder says nothing about a typo.
    """
    candidates = sorted(set(known))
    if "/" in wrong:
        return _closest_path(wrong, candidates)
    # Of values that differ only in case, the first in order stands for them all.
    by_folded = {candidate.casefold(): candidate for candidate in reversed(candidates)}
    return [by_folded[m] for m in _close(wrong.casefold(), list(by_folded))]


def _closest_path(wrong: str, candidates: list[str]) -> list[str]:
    by_name: dict[str, list[str]] = {}
    for candidate in candidates:
        by_name.setdefault(candidate.rsplit("/", 1)[-1].casefold(), []).append(candidate)
    name = wrong.rsplit("/", 1)[-1].casefold()
    return [full for m in _close(name, list(by_name)) for full in by_name[m]][:3]


def _close(wrong: str, candidates: list[str]) -> list[str]:
    """difflib's three closest (similarity 0.6 or more), without those clearly further away
    than the best one: a near-exact match is the suggestion, not one of several."""
    scored = []
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, wrong, candidate)
        if matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF:
            ratio = matcher.ratio()
            if ratio >= _CUTOFF:
                scored.append((ratio, candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [candidate for ratio, candidate in scored[:3] if ratio >= scored[0][0] - _MARGIN]


def phrase(quoted: list[str]) -> str:
    """'did you mean 'a'?' / 'did you mean 'a' or 'b'?' / '' when nothing was found; the
    values come quoted as the hint should show them."""
    if not quoted:
        return ""
    if len(quoted) == 1:
        return f"did you mean {quoted[0]}?"
    return f"did you mean {', '.join(quoted[:-1])} or {quoted[-1]}?"
