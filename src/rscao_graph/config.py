"""Settings: defaults, the optional ``rscao.toml`` of the working directory, command-line overrides;
and the process environment, which is read here and nowhere else.

Precedence, lowest first: built-in defaults, ``rscao.toml`` in the working directory, command-line
options. Relative paths are resolved against the working directory.

Environment variables (:func:`read_environment`): ``SOURCE_DATE_EPOCH`` (the date stamped into VoID
and new link decisions, for reproducible runs), ``RSCAO_CACHE_DIR`` and ``RSCAO_CACHE_DAYS`` (the
linking response cache), ``RSCAO_ENDPOINT_PASSWORD`` (the password for ``query --endpoint`` and
``publish``).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["CACHE_DAYS", "CONFIG_FILE", "DEFAULT_BASE_IRI", "DEFAULT_WIKIDATA_ENDPOINT", "Environment", "Settings",
           "load_settings", "read_environment", "version"]

CONFIG_FILE = "rscao.toml"
DEFAULT_BASE_IRI = "https://w3id.org/rscao/"
DEFAULT_WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
#: Days a cached answer of the linking endpoint is used (``RSCAO_CACHE_DAYS`` overrides it).
CACHE_DAYS = 30.0


def version() -> str:
    """The installed version of rscao-graph (``0.0.0+unknown`` in a source tree without install)."""
    try:
        return metadata.version("rscao-graph")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0+unknown"


@dataclass(frozen=True)
class Settings:
    """Everything a command needs to know about where things are and how IRIs look."""

    base_iri: str = DEFAULT_BASE_IRI
    reports: Path = Path("data/reports")
    out: Path = Path("dist")
    decisions: Path = Path("data/links.csv")
    wikidata_endpoint: str = DEFAULT_WIKIDATA_ENDPOINT
    contact: str | None = None
    license: str | None = None
    #: DCAT-AP: who publishes the dataset (a name, and optionally the publisher's own IRI) and where to
    #: write about it (a mailto: or http(s) IRI); written into void.ttl, nothing asserted when unset.
    publisher: str | None = None
    publisher_iri: str | None = None
    contact_point: str | None = None
    #: Where the build is published (its static site, or 'serve'; an http(s) URL ending in '/'): the
    #: w3id.org redirect rules (``w3id.htaccess``) are written for it.
    host_url: str | None = None


_PATH_KEYS = {"reports", "out", "decisions"}
_KEYS = {f.name for f in fields(Settings)}


def _check_value(key: str, value: Any, file: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"setting {key!r} must be a non-empty string, got {value!r}", file=file,
                          hint="see the configuration section of the README")
    if key == "base_iri" and not (value.startswith(("http://", "https://")) and value.endswith(("/", "#"))):
        raise ConfigError(f"base_iri {value!r} must be an http(s) IRI ending in '/' or '#'", file=file)
    if key == "host_url" and not (value.startswith(("http://", "https://")) and value.endswith("/")):
        raise ConfigError(f"host_url {value!r} must be an http(s) URL ending in '/'", file=file)
    if key in ("license", "publisher_iri") and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{key} {value!r} must be an http(s) IRI", file=file)
    if key == "contact_point" and not (value.startswith(("mailto:", "http://", "https://")) and " " not in value):
        raise ConfigError(f"contact_point {value!r} must be a mailto: or http(s) IRI, such as "
                          "\"mailto:data@example.org\"", file=file)


def load_settings(cwd: Path | None = None, **overrides: Any) -> Settings:
    """Read ``rscao.toml`` from ``cwd`` (if present) and apply command-line ``overrides``.

    Overrides whose value is ``None`` are ignored. Raises :class:`ConfigError` for a file that is
    not TOML, an unknown key or a bad value.
    """
    cwd = cwd or Path.cwd()
    values: dict[str, Any] = {}
    path = cwd / CONFIG_FILE
    if path.is_file():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from exc
        unknown = sorted(set(values) - _KEYS)
        if unknown:
            raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}",
                              file=str(path))
        for key, value in values.items():
            _check_value(key, value, str(path))
    for key, value in overrides.items():
        if key not in _KEYS:
            raise TypeError(f"unknown setting {key}")
        if value is not None:
            if key == "base_iri":
                _check_value(key, value, "--base-iri")
            values[key] = value
    settings: Settings = replace(Settings(), **{k: v for k, v in values.items() if k not in _PATH_KEYS})
    paths: dict[str, Any] = {k: cwd / Path(values[k]) if k in values else cwd / getattr(settings, k)
                             for k in _PATH_KEYS}
    return replace(settings, **paths)


@dataclass(frozen=True)
class Environment:
    """What the process environment says; the library takes it as a parameter and never reads it.

    >>> Environment(source_date_epoch=1583107200).source_date
    '2020-03-02'
    >>> Environment().cache_max_days
    30.0
    """

    source_date_epoch: int | None = None
    cache_dir: Path | None = None
    cache_days: float | None = None
    endpoint_password: str | None = None

    @property
    def source_date(self) -> str | None:
        """``SOURCE_DATE_EPOCH`` as an ISO date (UTC), or ``None`` when it is not set."""
        if self.source_date_epoch is None:
            return None
        return dt.datetime.fromtimestamp(self.source_date_epoch, tz=dt.UTC).date().isoformat()

    def today(self) -> str:
        """The date new decisions are stamped with: ``SOURCE_DATE_EPOCH`` when set, else today."""
        return self.source_date or dt.date.today().isoformat()

    @property
    def sparql_cache(self) -> Path:
        """The folder of the linking response cache: ``RSCAO_CACHE_DIR``, else the user's cache folder."""
        if self.cache_dir is not None:
            return self.cache_dir
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("rscao-graph")) / "sparql"

    @property
    def cache_max_days(self) -> float:
        return self.cache_days if self.cache_days is not None else CACHE_DAYS


def read_environment(environ: Mapping[str, str] | None = None) -> Environment:
    """The variables rscao-graph reads, from ``environ`` (default: the process environment).

    A ``SOURCE_DATE_EPOCH`` that is not a whole number is ignored, as the reproducible-builds
    convention asks; a ``RSCAO_CACHE_DAYS`` that is not a number raises :class:`ConfigError`.

    >>> read_environment({"SOURCE_DATE_EPOCH": "1583107200", "RSCAO_CACHE_DAYS": "2"}).cache_days
    2.0
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "")
    days_text = env.get("RSCAO_CACHE_DAYS")
    days = None
    if days_text:
        try:
            days = float(days_text)
        except ValueError as exc:
            raise ConfigError(f"RSCAO_CACHE_DAYS {days_text!r} is not a number of days") from exc
    return Environment(int(epoch) if epoch.isdigit() else None,
                       Path(env["RSCAO_CACHE_DIR"]) if env.get("RSCAO_CACHE_DIR") else None,
                       days, env.get("RSCAO_ENDPOINT_PASSWORD") or None)
