"""The errors: file names shown safely in messages, errors of the machine told from bugs."""

from __future__ import annotations

import errno

import pytest

from rscao_graph.errors import OutputError, ReportError, environment_error, shown_name


@pytest.mark.parametrize(("name", "shown"), [
    ("reports/north-east-asia-2019-09--2020-03.md", "reports/north-east-asia-2019-09--2020-03.md"),
    ("rapport été.md", "rapport été.md"),
    ('a "b".md', 'a "b".md'),
    ("two\nlines.md", '"two\\nlines.md"'),
    ("a.md:1: error: forged\r\nb.md", '"a.md:1: error: forged\\r\\nb.md"'),
    ("tab\there.md", '"tab\\there.md"'),
    ("esc\x1b[31mred.md", '"esc\\x1b[31mred.md"'),
    ("report\u202egpj.md", '"report\\u202egpj.md"'),
    ("zero\u200bwidth.md", '"zero\\u200bwidth.md"'),
    ("line\u2028sep.md", '"line\\u2028sep.md"'),
    ("bytes\udcff.md", '"bytes\\udcff.md"'),
    (" lead.md", '" lead.md"'),
    ('"quoted".md', '"\\"quoted\\".md"'),
    ("back\\slash\n.md", '"back\\\\slash\\n.md"'),
])
def test_shown_name_quotes_only_what_could_split_or_disguise_a_line(name: str, shown: str) -> None:
    assert shown_name(name) == shown


def test_an_error_names_its_file_on_one_line() -> None:
    error = ReportError("the file is empty", file="evil\nb.md:3: warning: fine", line=2)
    assert str(error) == '"evil\\nb.md:3: warning: fine":2: the file is empty'
    assert "\n" not in str(ReportError("x", file="a\nb"))


def test_a_full_disk_is_an_output_error_naming_the_path() -> None:
    error = environment_error(OSError(errno.ENOSPC, "No space left on device", "/srv/dist/x.nq"))
    assert isinstance(error, OutputError) and error.exit_code == 2
    assert str(error) == ("/srv/dist/x.nq: cannot write: No space left on device (free some space on that disk, or "
                          "write elsewhere, and run again; what was there is left as it was)")


def test_errors_without_errno_are_recognised_by_their_text() -> None:
    staged = ("/srv/.dist.tmp-ab12/build", "/srv/dist")
    rocksdb = OSError("IO error: No space left on device: While appending to file: "
                      "/srv/.dist.tmp-ab12/build/store/000012.sst: No space left on device")
    error = environment_error(rocksdb, "/srv/dist", staged=staged)
    assert error is not None and (error.file, error.message) == ("/srv/dist/store/000012.sst",
                                                                 "cannot write: No space left on device")
    rust = environment_error(OSError("File too large (os error 27)"), "/srv/dist", staged=staged)
    assert rust is not None and (rust.file, rust.message) == ("/srv/dist", "cannot write: File too large")
    assert rust.hint is not None and "ulimit -f" in rust.hint


@pytest.mark.parametrize("code", [errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.EFBIG])
def test_other_errors_of_the_machine(code: int) -> None:
    error = environment_error(OSError(code, "x"), "/srv/dist")
    assert error is not None and error.exit_code == 2 and error.file == "/srv/dist"


@pytest.mark.parametrize("exc", [OSError(errno.ENOENT, "No such file or directory", "/x"),
                                 OSError(errno.EBADF, "Bad file descriptor"), OSError("something else")])
def test_other_os_errors_stay_bugs(exc: OSError) -> None:
    assert environment_error(exc, "/srv/dist") is None
