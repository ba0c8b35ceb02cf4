"""Which files a contributor may publish from the docs folder, and where.

Everything under the docs folder is contributed, and MkDocs copies every non-Markdown file to
the site as it is: an `.html` or `.svg` file would run script on the site's address, and a file
at a theme path (`assets/javascripts/bundle.….min.js`) would replace the theme's own script on
every page. So only passive types are published, and the theme's folders are off limits. Site
code (CSS, JavaScript, templates) belongs in `overrides/`, which a maintainer reviews.
"""

from __future__ import annotations

from pathlib import PurePosixPath

IMAGE_EXTENSIONS: tuple[str, ...] = ("png", "jpg", "jpeg", "gif", "webp", "avif")
DOCUMENT_EXTENSIONS: tuple[str, ...] = (
    "pdf",
    "csv",
    "txt",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
)
PUBLISHABLE_EXTENSIONS: frozenset[str] = frozenset(("md", *IMAGE_EXTENSIONS, *DOCUMENT_EXTENSIONS))
# Folders and files the theme and the plugin write; a docs file there would replace them.
THEME_PREFIXES: tuple[str, ...] = (
    "assets/javascripts/",
    "assets/stylesheets/",
    "assets/repertoire/",
    "search/",
    "schemas/",
)
THEME_FILES: tuple[str, ...] = ("assets/images/favicon.png",)


def refusal(docs_path: str) -> tuple[str, str] | None:
    """Why a docs file may not be published (message, hint), or None when it may."""
    folded = docs_path.casefold()
    if folded.startswith(THEME_PREFIXES) or folded in THEME_FILES:
        return (
            f"{docs_path} would replace a file of the site's theme",
            "move it elsewhere; theme files are changed in overrides/ by a maintainer",
        )
    extension = PurePosixPath(folded).suffix.lstrip(".")
    if extension not in PUBLISHABLE_EXTENSIONS:
        shown = f".{extension}" if extension else "without an extension"
        return (
            f"files {shown} are not published from the docs folder",
            f"allowed: Markdown, images ({', '.join(IMAGE_EXTENSIONS)}) and documents "
            f"({', '.join(DOCUMENT_EXTENSIONS)}); site code belongs in overrides/",
        )
    return None
