"""A night-shift nurses' community: its own kinds, labelled roles and levels, a custom choice
field shown in the panel, the listings and the explore filters (tests/site and tests/browser
build it)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.support.sites import BASE_CONFIG, Site

OPTIONS = """\
kinds:
  - folder: protocols
    singular: protocol
    plural: protocols
    sections:
      - Indications
      - heading: Steps
        prompt: the steps in order, each one a line.
      - Handover
  - {folder: stories, singular: story, plural: stories}
roles:
  - id: charge-nurse
    label: Charge nurses
    description: They run the ward through the night.
  - member
levels:
  - novice
  - {id: senior, label: Senior nurse, description: Five years on nights.}
fields:
  - name: shift
    type: choice
    label: Shift
    description: The shift it happened on.
    choices: [night, {id: evening, label: Evening shift}]
    shown_in: [panel, listings, explore]
  - name: ward
    type: text
    shown_in: [listings]
"""
CONFIG = yaml.safe_load(OPTIONS)
SHIFT = CONFIG["fields"][0]
PROTOCOL = CONFIG["kinds"][0]

FILES = {
    "repertoire/index.md": "# Home\n\nNights.\n",
    "repertoire/problems/falls.md": "---\ntitle: Falls\nsummary: Falls at night.\n---\nFalls.\n",
    "repertoire/members/ann-lee.md": "---\nname: Ann Lee\nrole: charge-nurse\n---\nAnn.\n",
    "repertoire/members/bo-chen.md": "---\nname: Bo Chen\nrole: member\n---\nBo.\n",
    "repertoire/protocols/bed-rails.md": (
        "---\ntitle: Bed rails\nsummary: When to raise the rails.\nproblem_types: [falls]\n"
        "contributors: [ann-lee]\ndate: 2024-03-01\nshift: evening\nlevel: senior\n"
        "ward: Ward 7\n---\n## Steps\n\nRaise them.\n"
    ),
    "repertoire/stories/the-long-night.md": (
        "---\ntitle: The long night\nsummary: A night of falls.\nproblem_types: [falls]\n"
        "contributors: [bo-chen]\ndate: 2024-04-01\nshift: night\n---\n## Setting\n\nDark.\n"
    ),
}


def build_nurses(root: Path) -> Site:
    """The nurses' site written at `root` and built (strict)."""
    root.mkdir(parents=True)
    indented = "\n".join("      " + line for line in OPTIONS.splitlines())
    (root / "mkdocs.yml").write_text(BASE_CONFIG.format(options=":\n" + indented) + "\n")
    site = Site(root).write(FILES)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


# ----- option mistakes in the shape options (run with the other option mistakes) ----------

# The options as written, what the value or key at fault starts with, and the message.
BAD_SHAPES = [
    (
        "fields: shift",
        "shift",
        "fields must be a list of fields (name, type, label, choices, required, shown_in), "
        "not 'shift'",
    ),
    (
        "fields:\n  - name: shift\n    type: choise\n    choices: [night]",
        "type: choise",
        "fields: item 1: type 'choise' is not one of text, choice, choices, date, url, member, "
        "problem (did you mean 'choice' or 'choices'?)",
    ),
    (
        "fields:\n  - name: shift\n    type: choice",
        "name: shift",
        "fields: item 1: a field of type 'choice' needs 'choices' (a list of ids)",
    ),
    (
        "fields:\n  - name: shift\n    type: text\n    lable: Shift",
        "lable",
        "fields: item 1: unknown key 'lable' (did you mean 'label'?)",
    ),
    (
        "fields:\n  - name: shift\n    type: choice\n    choices: [night, night]",
        "choices: [night, night]",
        "fields: item 1, choice 2: 'night' is listed twice",
    ),
    (
        "fields:\n  - name: level\n    type: text",
        "name: level",
        "fields: item 1: 'level' is taken by a built-in field or filter; choose another name",
    ),
    (
        "kinds:\n  - folder: members\n    singular: member\n    plural: members",
        "folder: members",
        "kinds: item 1: folder 'members' is reserved (the site's own folders are members, "
        "problems, paths, uses, reference, explore, gaps, new, who-knows-what, community, "
        "due-for-review, record-use, schemas, assets, search); choose another name",
    ),
    (
        "kinds:\n  - folder: cases\n    singular: case\n    plural: cases\n    sections: Context",
        "sections: Context",
        "kinds: item 1: 'sections' must be a list of headings (text, or heading and prompt), "
        "not 'Context'",
    ),
    (
        "levels: [novice, yes]",
        "yes]",
        "levels: item 2: the id must be lower-case letters, digits and single hyphens, "
        "not True (YAML reads it as a yes/no value; put it in quotes)",
    ),
    (
        "roles:\n  - id: charge-nurse\n    lable: Charge nurses",
        "lable",
        "roles: item 1: unknown key 'lable' (did you mean 'label'?)",
    ),
]
