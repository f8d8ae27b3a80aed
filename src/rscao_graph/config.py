"""Settings: defaults, the optional ``rscao.toml`` of the working directory, command-line overrides.

Precedence, lowest first: built-in defaults, ``rscao.toml`` in the working directory, command-line
options. Relative paths are resolved against the working directory.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["CONFIG_FILE", "DEFAULT_BASE_IRI", "Settings", "load_settings"]

CONFIG_FILE = "rscao.toml"
DEFAULT_BASE_IRI = "https://w3id.org/rscao/"
DEFAULT_WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"


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
    #: Where the build's output folder is served (an http(s) URL ending in '/'): the w3id.org redirect
    #: rules (``w3id.htaccess``) are written for it.
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
    settings = replace(Settings(), **{k: v for k, v in values.items() if k not in _PATH_KEYS})
    paths = {k: cwd / Path(values[k]) if k in values else cwd / getattr(settings, k) for k in _PATH_KEYS}
    return replace(settings, **paths)
