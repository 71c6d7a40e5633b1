"""The README stays a five-minute read that works: it opens with the two commands a
fresh machine needs, stays under 250 lines, every `peta-anak` command and `make`
target it names exists, and no relative link of the README or the other Markdown
documents leads nowhere (a file that is gone, a heading that was renamed).

Needs no database: the commands are looked up in the click tree and asked for
their ``--help``."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from peta_anak.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCUMENTS = [README, ROOT / "CONTRIBUTING.md", ROOT / "GLOSSARY.md", *sorted((ROOT / "docs").glob("*.md"))]
MAX_LINES = 250
FIRST_COMMANDS = ["make run", "make test"]
MARKDOWN = MarkdownIt("commonmark").enable("table")


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    tokens = MARKDOWN.parse(text)
    found: set[str] = set()
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type == "heading_open":
            slug, n = anchor(inline.content.replace("`", "")), 0
            while (slug if n == 0 else f"{slug}-{n}") in found:  # GitHub numbers repeated headings
                n += 1
            found.add(slug if n == 0 else f"{slug}-{n}")
    return found


def links(text: str) -> list[str]:
    """Every link and image target of a Markdown text (code spans and blocks excluded)."""
    targets = []
    for token in MARKDOWN.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(child.attrs["href"])
            elif child.type == "image":
                targets.append(child.attrs["src"])
    return targets


def broken_links(document: Path, text: str) -> list[str]:
    """The relative links of ``document`` (holding ``text``) whose file or heading does not exist."""
    broken = []
    for target in links(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...: not ours to check
            continue
        path, _, fragment = target.partition("#")
        file = (document.parent / path).resolve()
        if path and not file.exists():
            broken.append(target)
            continue
        headings = anchors(file.read_text() if path else text) if not path or file.suffix == ".md" else None
        if fragment and headings is not None and fragment not in headings:
            broken.append(target)
    return broken


def command_table(text: str) -> list[list[str]]:
    """The command paths of the README's table rows that start with `peta-anak ...`:
    the lower-case words after ``peta-anak`` (arguments are upper case, options start
    with a dash)."""
    paths = []
    for row in re.findall(r"^\| `peta-anak ([^`]*)`", text, flags=re.MULTILINE):
        words = []
        for word in row.split():
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        paths.append(words)
    return paths


def unknown_commands(paths: list[list[str]]) -> list[str]:
    """The command paths that do not name a command of ``peta-anak``, or whose ``--help`` fails."""
    unknown = []
    for path in paths:
        command: click.Command = cli
        for word in path:
            command = command.commands.get(word) if isinstance(command, click.Group) else None
            if command is None:
                break
        result = CliRunner().invoke(cli, [*path, "--help"]) if command is not None else None
        if not path or result is None or result.exit_code != 0:
            unknown.append(" ".join(["peta-anak", *path]))
    return unknown


def make_targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w-]*):", makefile, flags=re.MULTILINE))


def unknown_make_targets(text: str, makefile: str) -> list[str]:
    named = re.findall(r"`make ([a-z][\w-]*)", text) + re.findall(r"^make ([a-z][\w-]*)", text, flags=re.MULTILINE)
    return sorted(set(named) - make_targets(makefile))


def first_commands(text: str) -> list[str]:
    """The commands of the README's first code block, which must come right after its title."""
    tokens = [t for t in MARKDOWN.parse(text) if t.level == 0 and t.type not in ("heading_close", "inline")]
    if len(tokens) < 2 or tokens[0].type != "heading_open" or tokens[1].type != "fence":
        return []
    return [line.split("#")[0].strip() for line in tokens[1].content.splitlines() if line.strip()]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading(document):
    assert broken_links(document, document.read_text()) == []


def test_every_command_in_the_readme_table_exists():
    paths = command_table(README.read_text())
    assert len(paths) >= 20, "the README's command table was not found"
    assert unknown_commands(paths) == []


def test_every_make_target_the_readme_names_exists():
    text = README.read_text()
    assert re.search(r"`make bench`", text), "the README's make table was not found"
    assert unknown_make_targets(text, (ROOT / "Makefile").read_text()) == []


def test_the_readme_is_short_and_opens_with_the_two_commands():
    text = README.read_text()
    assert len(text.splitlines()) < MAX_LINES
    assert first_commands(text) == FIRST_COMMANDS


# Probes: each check finds what it is there to find.

@pytest.mark.parametrize("link", ["docs/no-such-file.md", "docs/api.md#no-such-heading", "#no-such-heading",
                                  "docs/img/no-such-picture.png"])
def test_a_broken_link_is_found(link):
    text = f"# Title\n\nSee [this]({link}) and ![a picture]({link}).\n"
    assert broken_links(README, text) == [link, link]


def test_links_that_hold_are_not_reported_and_code_is_not_a_link():
    text = ("# Title\n\n## A `code` heading: two words\n\n[a](#title) [b](#a-code-heading-two-words) "
            "[c](docs/api.md#tokens) [d](https://example.org/nothing) [e](CONTRIBUTING.md)\n\n"
            "`[f](nothing.md)`\n\n```\n[g](nothing.md)\n```\n")
    assert broken_links(README, text) == []


def test_an_unknown_command_is_found():
    text = ("| `peta-anak users add NAME` | a |\n| `peta-anak users frobnicate NAME` | b |\n"
            "| `peta-anak nothing` | c |\n")
    assert command_table(text) == [["users", "add"], ["users", "frobnicate"], ["nothing"]]
    assert unknown_commands(command_table(text)) == ["peta-anak users frobnicate", "peta-anak nothing"]


def test_an_unknown_make_target_is_found():
    makefile = ".PHONY: run\nrun: $(STAMP)\n\tdo\ntest-unit:\n\tdo\n"
    assert unknown_make_targets("`make run` and `make test-unit`, `make nothing`\n", makefile) == ["nothing"]


@pytest.mark.parametrize("opening", [
    "# Title\n\n```sh\nmake test\nmake run\n```\n",  # the wrong order
    "# Title\n\nSome words first.\n\n```sh\nmake run\nmake test\n```\n",  # not at the top
])
def test_a_readme_that_does_not_open_with_the_two_commands_is_found(opening):
    assert first_commands(opening) != FIRST_COMMANDS
    assert first_commands("# Title\n\n```sh\nmake run   # a note\nmake test\n```\n") == FIRST_COMMANDS
