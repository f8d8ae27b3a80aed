"""Settings: rscao_graph.config.load_settings (defaults, rscao.toml, command-line overrides)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rscao_graph.config import CONFIG_FILE, DEFAULT_BASE_IRI, Environment, Settings, load_settings, read_environment
from rscao_graph.errors import ConfigError, InputError


def _write_config(cwd: Path, text: str) -> Path:
    path = cwd / CONFIG_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_resolved_against_cwd(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings(
        base_iri="https://w3id.org/rscao/",
        reports=tmp_path / "data" / "reports",
        out=tmp_path / "dist",
        decisions=tmp_path / "data" / "links.csv",
        wikidata_endpoint="https://query.wikidata.org/sparql",
        contact=None,
        license=None,
    )
    assert DEFAULT_BASE_IRI == "https://w3id.org/rscao/"
    assert CONFIG_FILE == "rscao.toml"


def test_default_cwd_is_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.reports == tmp_path / "data" / "reports"
    assert settings.out == tmp_path / "dist"


def test_values_from_file(tmp_path: Path) -> None:
    _write_config(tmp_path, """
base_iri = "https://example.org/kg#"
reports = "in/reports"
out = "build"
decisions = "curation/links.csv"
wikidata_endpoint = "https://wikidata.example.org/sparql"
contact = "mailto:someone@example.org"
license = "https://creativecommons.org/publicdomain/zero/1.0/"
""")
    assert load_settings(tmp_path) == Settings(
        base_iri="https://example.org/kg#",
        reports=tmp_path / "in" / "reports",
        out=tmp_path / "build",
        decisions=tmp_path / "curation" / "links.csv",
        wikidata_endpoint="https://wikidata.example.org/sparql",
        contact="mailto:someone@example.org",
        license="https://creativecommons.org/publicdomain/zero/1.0/",
    )


def test_partial_file_keeps_other_defaults(tmp_path: Path) -> None:
    _write_config(tmp_path, 'out = "public"\n')
    settings = load_settings(tmp_path)
    assert settings.out == tmp_path / "public"
    assert settings.reports == tmp_path / "data" / "reports"
    assert settings.base_iri == "https://w3id.org/rscao/"


def test_absolute_path_in_file_kept(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    _write_config(tmp_path, f'reports = "{elsewhere.as_posix()}"\n')
    assert load_settings(tmp_path).reports == elsewhere


def test_config_of_other_directory_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_config(tmp_path, 'out = "public"\n')
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(tmp_path)
    assert load_settings(work).out == work / "dist"


def test_overrides_beat_file(tmp_path: Path) -> None:
    _write_config(tmp_path, 'out = "public"\nbase_iri = "https://example.org/a/"\ncontact = "mailto:a@example.org"\n')
    settings = load_settings(tmp_path, out=Path("cli-out"), base_iri="https://example.org/b/",
                             contact="mailto:b@example.org")
    assert settings.out == tmp_path / "cli-out"
    assert settings.base_iri == "https://example.org/b/"
    assert settings.contact == "mailto:b@example.org"


def test_overrides_without_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, reports="r", decisions=tmp_path / "abs.csv")
    assert settings.reports == tmp_path / "r"
    assert settings.decisions == tmp_path / "abs.csv"
    assert settings.out == tmp_path / "dist"


def test_none_overrides_ignored(tmp_path: Path) -> None:
    _write_config(tmp_path, 'out = "public"\nlicense = "https://example.org/licence"\n')
    settings = load_settings(tmp_path, out=None, license=None, base_iri=None, reports=None)
    assert settings == Settings(
        reports=tmp_path / "data" / "reports",
        out=tmp_path / "public",
        decisions=tmp_path / "data" / "links.csv",
        license="https://example.org/licence",
    )


def test_unknown_override_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError) as info:
        load_settings(tmp_path, colour="blue")
    assert str(info.value) == "unknown setting colour"


def test_unknown_key(tmp_path: Path) -> None:
    path = _write_config(tmp_path, 'out = "public"\ncolour = "blue"\nbase = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    error = info.value
    assert isinstance(error, InputError)
    assert error.exit_code == 2
    assert error.file == str(path)
    assert error.line is None
    assert error.message == ("unknown setting(s) base, colour; known: base_iri, contact, contact_point, decisions, "
                             "host_url, license, out, publisher, publisher_iri, reports, wikidata_endpoint")
    assert str(error).startswith(f"{path}: unknown setting(s) base, colour;")


def test_unknown_table(tmp_path: Path) -> None:
    _write_config(tmp_path, '[tool.rscao]\nout = "public"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.message.startswith("unknown setting(s) tool; known: ")


@pytest.mark.parametrize("text", ['out = "public\n', "out = \n", "[[out]\n", 'out = "a"\nout = "b"\n'])
def test_malformed_toml(tmp_path: Path, text: str) -> None:
    path = _write_config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.exit_code == 2
    assert info.value.file == str(path)
    assert info.value.message.startswith("not valid TOML: ")
    assert str(info.value).startswith(f"{path}: not valid TOML: ")


def test_not_utf8_toml(tmp_path: Path) -> None:
    path = tmp_path / CONFIG_FILE
    path.write_bytes('contact = "mailto:renée@example.org"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.file == str(path)
    assert info.value.message.startswith("not valid TOML: ")


@pytest.mark.parametrize("value", ['"w3id.org/rscao/"', '"https://w3id.org/rscao"', '"ftp://example.org/"',
                                   '"urn:rscao:"'])
def test_bad_base_iri_in_file(tmp_path: Path, value: str) -> None:
    path = _write_config(tmp_path, f"base_iri = {value}\n")
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    iri = value.strip('"')
    assert info.value.exit_code == 2
    assert info.value.file == str(path)
    assert info.value.message == f"base_iri {iri!r} must be an http(s) IRI ending in '/' or '#'"


def test_bad_base_iri_override(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path, base_iri="https://example.org/no-slash")
    assert info.value.file == "--base-iri"
    assert str(info.value) == "--base-iri: base_iri 'https://example.org/no-slash' must be an http(s) IRI ending in '/' or '#'"


def test_bad_file_value_reported_even_when_overridden(tmp_path: Path) -> None:
    # the file is checked on its own: a bad value there is reported even when overridden
    _write_config(tmp_path, 'base_iri = "nope"\n')
    with pytest.raises(ConfigError):
        load_settings(tmp_path, base_iri="https://example.org/")


@pytest.mark.parametrize("text, shown", [("out = 3\n", "3"), ('out = ""\n', "''"), ('contact = "  "\n', "'  '"),
                                         ("reports = [\"a\", \"b\"]\n", "['a', 'b']"),
                                         ("license = true\n", "True")])
def test_bad_value_types(tmp_path: Path, text: str, shown: str) -> None:
    path = _write_config(tmp_path, text)
    key = text.split(" ", 1)[0]
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.file == str(path)
    assert info.value.message == f"setting {key!r} must be a non-empty string, got {shown}"
    assert info.value.hint == "see the configuration section of the README"


def test_directory_named_like_config_ignored(tmp_path: Path) -> None:
    (tmp_path / CONFIG_FILE).mkdir()
    assert load_settings(tmp_path).out == tmp_path / "dist"


def test_environment_is_read_in_one_place() -> None:
    env = read_environment({"SOURCE_DATE_EPOCH": "1583107200", "RSCAO_CACHE_DIR": "/tmp/c", "RSCAO_CACHE_DAYS": "0.5",
                            "RSCAO_ENDPOINT_PASSWORD": "s3cret"})
    assert env == Environment(1583107200, Path("/tmp/c"), 0.5, "s3cret")
    assert (env.source_date, env.today(), env.sparql_cache, env.cache_max_days) == ("2020-03-02", "2020-03-02",
                                                                                     Path("/tmp/c"), 0.5)


def test_environment_defaults_and_bad_values() -> None:
    env = read_environment({"SOURCE_DATE_EPOCH": "not-a-number"})
    assert (env.source_date_epoch, env.source_date, env.cache_max_days, env.endpoint_password) == (None, None, 30.0,
                                                                                                   None)
    assert env.today() == dt.date.today().isoformat()
    assert env.sparql_cache.parts[-2:] == ("rscao-graph", "sparql")
    with pytest.raises(ConfigError, match="RSCAO_CACHE_DAYS 'soon' is not a number of days"):
        read_environment({"RSCAO_CACHE_DAYS": "soon"})


def test_publisher_settings(tmp_path: Path) -> None:
    _write_config(tmp_path, 'publisher = "IFLA RSCAO"\npublisher_iri = "https://www.ifla.org/"\n'
                            'contact_point = "mailto:rscao@example.org"\n')
    settings = load_settings(tmp_path)
    assert (settings.publisher, settings.publisher_iri, settings.contact_point) == (
        "IFLA RSCAO", "https://www.ifla.org/", "mailto:rscao@example.org")


@pytest.mark.parametrize(("line", "message"), [
    ('contact_point = "rscao@example.org"', "contact_point 'rscao@example.org' must be a mailto: or http(s) IRI"),
    ('publisher_iri = "www.ifla.org"', "publisher_iri 'www.ifla.org' must be an http(s) IRI"),
    ('license = "CC-BY-4.0"', "license 'CC-BY-4.0' must be an http(s) IRI"),
])
def test_bad_publisher_settings(tmp_path: Path, line: str, message: str) -> None:
    _write_config(tmp_path, line + "\n")
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.message.startswith(message)
