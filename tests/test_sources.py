"""Finding reports: rscao_graph.sources.collect_reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from rscao_graph.errors import UsageError
from rscao_graph.read.sources import ReportFile, collect_reports


def _touch(path: Path, text: str = "report\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A reports folder with reports at several depths, hidden files and files of other kinds."""
    root = tmp_path / "reports"
    for name in ["b.md", "a.txt", "2020/z.md", "2020/spring/c.MD", "2019/y.markdown",
                 ".hidden.md", ".git/x.md", "2020/.drafts/d.md",
                 "notes.pdf", "2020/photo.png", "2019/readme"]:
        _touch(root / name)
    (root / "empty-folder.md").mkdir()       # a folder named like a report is not a report
    return root


def test_folder_recursion_sorted_hidden_ignored(tree: Path, tmp_path: Path) -> None:
    found = collect_reports([tree], tmp_path / "unused")
    assert [f.path.relative_to(tree).as_posix() for f in found] == [
        "2019/y.markdown", "2020/spring/c.MD", "2020/z.md", "a.txt", "b.md",
    ]
    assert {f.root for f in found} == {tree}


def test_default_folder_used_without_paths(tree: Path) -> None:
    found = collect_reports([], tree)
    assert found == [ReportFile(tree / p, tree) for p in
                     ["2019/y.markdown", "2020/spring/c.MD", "2020/z.md", "a.txt", "b.md"]]


def test_default_folder_accepts_tuple(tree: Path) -> None:
    assert collect_reports((), tree) == collect_reports([], tree)


def test_paths_given_default_folder_not_searched(tree: Path, tmp_path: Path) -> None:
    other = _touch(tmp_path / "other" / "only.md")
    assert collect_reports([other.parent], tree) == [ReportFile(other, other.parent)]


def test_hidden_parent_of_folder_does_not_hide(tmp_path: Path) -> None:
    folder = tmp_path / ".cache" / "reports"
    report = _touch(folder / "r.md")
    assert collect_reports([folder], tmp_path) == [ReportFile(report, tmp_path)]


def test_single_file_outside_default_folder(tmp_path: Path) -> None:
    report = _touch(tmp_path / "somewhere" / "r.md")
    assert collect_reports([report], tmp_path / "data" / "reports") == [ReportFile(report, report.parent)]


def test_single_file_inside_default_folder_keeps_its_root(tree: Path) -> None:
    report = tree / "2020" / "z.md"
    assert collect_reports([report], tree) == [ReportFile(report, tree)]


def test_file_given_by_name_is_taken_whatever_its_kind(tmp_path: Path) -> None:
    # the reader, not the collector, says what it cannot read
    pdf = _touch(tmp_path / "r.pdf")
    hidden = _touch(tmp_path / ".r.md")
    assert collect_reports([pdf, hidden], tmp_path / "x") == [ReportFile(hidden, tmp_path), ReportFile(pdf, tmp_path)]


def test_mixed_files_and_folders_deduplicated_and_sorted(tree: Path, tmp_path: Path) -> None:
    found = collect_reports([tree / "b.md", tree / "2020", tree / "a.txt", tree / "b.md"], tree)
    assert found == [
        ReportFile(tree / "2020" / "spring" / "c.MD", tree),
        ReportFile(tree / "2020" / "z.md", tree),
        ReportFile(tree / "a.txt", tree),
        ReportFile(tree / "b.md", tree),
    ]


def test_readme_in_a_reports_folder_is_not_a_report(tmp_path: Path) -> None:
    report = _touch(tmp_path / "r.md")
    _touch(tmp_path / "README.md")
    assert collect_reports([], tmp_path) == [ReportFile(report, tmp_path)]


def test_relative_paths(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = collect_reports([Path("reports/2019")], Path("data/reports"))
    assert found == [ReportFile(Path("reports/2019/y.markdown"), Path("reports/2019"))]


def test_missing_path(tmp_path: Path) -> None:
    _touch(tmp_path / "there.md")
    with pytest.raises(UsageError) as info:
        collect_reports([tmp_path / "there.md", tmp_path / "gone.md"], tmp_path)
    assert info.value.exit_code == 2
    assert str(info.value) == f"no such file or folder: {tmp_path / 'gone.md'}"


def test_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    _touch(folder / ".hidden.md")
    _touch(folder / "notes.pdf")
    with pytest.raises(UsageError) as info:
        collect_reports([folder], tmp_path / "data" / "reports")
    assert info.value.exit_code == 2
    assert info.value.message == f"no reports found in {folder}"
    assert info.value.hint == "reports are text exports (.md, .txt), Word documents (.docx) or HTML pages (.html); give a file or folder as argument"


def test_empty_default_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "reports"
    folder.mkdir(parents=True)
    with pytest.raises(UsageError) as info:
        collect_reports([], folder)
    assert str(info.value) == (f"no reports found in {folder} "
                               "(reports are text exports (.md, .txt), Word documents (.docx) or HTML pages (.html); give a file or folder as argument)")


def test_missing_default_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "reports"
    with pytest.raises(UsageError) as info:
        collect_reports([], folder)
    assert info.value.exit_code == 2
    assert info.value.message == f"no reports folder {folder}"
    assert info.value.hint == "give report files or folders as arguments, or set 'reports' in rscao.toml"


def test_missing_default_folder_irrelevant_when_paths_given(tmp_path: Path) -> None:
    report = _touch(tmp_path / "r.md")
    assert collect_reports([report], tmp_path / "missing") == [ReportFile(report, tmp_path)]


def test_overlapping_folders_collect_each_file_once(tree: Path, tmp_path: Path) -> None:
    found = collect_reports([tree, tree / "2020"], tmp_path / "unused")
    assert [f.path.relative_to(tree).as_posix() for f in found] == [
        "2019/y.markdown", "2020/spring/c.MD", "2020/z.md", "a.txt", "b.md",
    ]


def test_same_file_spelled_twice_collected_once(tree: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = collect_reports([Path("reports/b.md"), tree / "b.md"], tmp_path / "unused")
    assert len(found) == 1


def test_names_with_a_line_break_are_quoted(tmp_path: Path) -> None:
    """A name with a line break cannot split the message into a forged ``FILE:LINE:`` line (issue 10, item 14)."""
    forged = tmp_path / "gone.md:1: error: forged\nb.md"
    with pytest.raises(UsageError) as missing:
        collect_reports([forged], tmp_path)
    assert str(missing.value) == f'no such file or folder: "{tmp_path}/gone.md:1: error: forged\\nb.md"'
    (tmp_path / "empty\nfolder").mkdir()
    with pytest.raises(UsageError) as empty:
        collect_reports([tmp_path / "empty\nfolder"], tmp_path)
    assert empty.value.message == f'no reports found in "{tmp_path}/empty\\nfolder"'
    with pytest.raises(UsageError) as no_folder:
        collect_reports([], tmp_path / "reports\n")
    assert no_folder.value.message == f'no reports folder "{tmp_path}/reports\\n"'
