"""Did-you-mean suggestions for misspelt keys and ids."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """A hint naming the closest known values, or "" when nothing is close.

    Case is ignored for the comparison, so `Sampling` suggests `sampling`.
    """
    candidates = sorted(set(known))
    if "/" in wrong:
        return _did_you_mean_path(wrong, candidates)
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    matches = difflib.get_close_matches(wrong.casefold(), list(by_folded), n=3, cutoff=0.6)
    return _phrase([by_folded[m] for m in matches])


def _did_you_mean_path(wrong: str, candidates: list[str]) -> str:
    """For `folder/name` ids, compare the names: a shared folder says nothing about a typo."""
    by_name: dict[str, list[str]] = {}
    for candidate in candidates:
        by_name.setdefault(candidate.rsplit("/", 1)[-1].casefold(), []).append(candidate)
    name = wrong.rsplit("/", 1)[-1].casefold()
    matches = difflib.get_close_matches(name, list(by_name), n=3, cutoff=0.6)
    return _phrase([full for m in matches for full in by_name[m]][:3])


def _phrase(found: list[str]) -> str:
    """'did you mean 'a'?' / 'did you mean 'a' or 'b'?' / '' when nothing was found."""
    if not found:
        return ""
    names = [f"'{name}'" for name in found]
    if len(names) == 1:
        return f"did you mean {names[0]}?"
    return f"did you mean {', '.join(names[:-1])} or {names[-1]}?"
