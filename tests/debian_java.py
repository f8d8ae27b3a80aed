"""Java tools from Debian's packages, for tests: Apache Jena (libapache-jena-java: riot, SHACL) and the OWL
API (libowlapi-java). Maven Central is out of reach here, so the jars come from Debian; `.ci/run` installs
the packages, and tests skip with a message where they are missing.

The class path is a package's jars and those of the Java packages it depends on, with one SLF4J binding
(slf4j-nop) so that no logging noise reaches the output. Debian's Jena 4.5.0 jar keeps Xerces' message
bundles under ``org/apache/jena/ext/xerces/`` while its classes look for them under ``xerces/``, which makes
every XSD datatype fail to initialise ("internal error"); ``class_path`` adds a folder with the bundles
copied where the classes look.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest

_OTHER_LOGGING = re.compile(r"slf4j-(jcl|jdk14|log4j12|simple|migrator)|over-slf4j|jul-to-slf4j|maven3-slf4j")


def _depends(package: str, seen: set[str]) -> None:
    if package in seen:
        return
    seen.add(package)
    result = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package], capture_output=True, text=True)
    for alternative in result.stdout.split(",") if result.returncode == 0 else []:
        name = alternative.split("|")[0].split()[0].split(":")[0] if alternative.strip() else ""
        if name.startswith("lib") and name.endswith("-java"):
            _depends(name, seen)


def _installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return result.returncode == 0 and result.stdout.endswith("installed")


@cache
def package_version(package: str) -> str:
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True).stdout


def class_path(package: str, scratch: Path) -> str:
    """The class path for ``package``'s jars; skips the test when it or Java is not installed."""
    if shutil.which("dpkg-query") is None or shutil.which("java") is None or not _installed(package):
        pytest.skip(f"Debian's {package} (and Java) not installed: apt-get install {package} (.ci/run does)")
    packages: set[str] = set()
    _depends(package, packages)
    jars = []
    for name in sorted(packages):
        listed = subprocess.run(["dpkg-query", "-L", name], capture_output=True, text=True).stdout.split()
        jars += [f for f in listed if f.startswith("/usr/share/java/") and f.endswith(".jar")
                 and not re.search(r"-\d[\d.]*\.jar$", f) and not _OTHER_LOGGING.search(f)]
    jena_core = Path("/usr/share/java/jena-core.jar")
    if str(jena_core) in jars:
        fix = scratch / "jena-xerces-messages"
        with zipfile.ZipFile(jena_core) as jar:
            for member in jar.namelist():
                if member.startswith("org/apache/jena/ext/xerces/") and member.endswith(".properties"):
                    target = fix / member.removeprefix("org/apache/jena/ext/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(member))
        jars.append(str(fix))
    return ":".join(jars)


def run_java(cp: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["java", "-cp", cp, *args], capture_output=True, text=True, timeout=timeout, check=False)
