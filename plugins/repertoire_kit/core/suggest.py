"""Did-you-mean suggestions for misspelt keys and ids."""

from __future__ import annotations

import difflib
from typing import Iterable


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
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    matches = difflib.get_close_matches(wrong.casefold(), list(by_folded), n=3, cutoff=0.6)
    return [by_folded[m] for m in matches]


def _closest_path(wrong: str, candidates: list[str]) -> list[str]:
    by_name: dict[str, list[str]] = {}
    for candidate in candidates:
        by_name.setdefault(candidate.rsplit("/", 1)[-1].casefold(), []).append(candidate)
    name = wrong.rsplit("/", 1)[-1].casefold()
    matches = difflib.get_close_matches(name, list(by_name), n=3, cutoff=0.6)
    return [full for m in matches for full in by_name[m]][:3]


def phrase(quoted: list[str]) -> str:
    """'did you mean 'a'?' / 'did you mean 'a' or 'b'?' / '' when nothing was found; the
    values come quoted as the hint should show them."""
    if not quoted:
        return ""
    if len(quoted) == 1:
        return f"did you mean {quoted[0]}?"
    return f"did you mean {', '.join(quoted[:-1])} or {quoted[-1]}?"
