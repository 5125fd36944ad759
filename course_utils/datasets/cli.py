"""``course datasets``: list the course's data, verify the synthetic checksums, explain own data.

Exit codes: 0 all good; 1 a synthetic dataset does not match ``datasets/manifest.json``;
2 the manifest is missing or unreadable, or an argument is wrong.

Wire it into an argparse command line with::

    from course_utils.datasets import cli as datasets_cli
    datasets_cli.add_parser(subparsers)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import manifest as _manifest
from .catalog import CATALOG, OWN_DATA_HELP, synthetic_names

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> None:
    """Register the ``datasets`` sub-command on an ``argparse`` subparsers object."""
    parser = subparsers.add_parser(
        "datasets",
        help="list the course's datasets and verify the synthetic ones' checksums",
        description=(
            "List the datasets the course uses (real samples shipped by installed packages, "
            "synthetic sets, loaders for your own files), regenerate every synthetic set at its "
            "default parameters and compare it with datasets/manifest.json."
        ),
    )
    _configure(parser)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-verify", action="store_true", help="only list; do not regenerate or check checksums")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", choices=synthetic_names(),
        help="verify only these synthetic datasets",
    )
    parser.add_argument("--manifest", type=Path, default=None, help="manifest to use (default: datasets/manifest.json)")
    parser.add_argument(
        "--write-manifest", action="store_true",
        help="maintainers: regenerate the manifest from the current code (after an intended change)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out ``course datasets``; return the exit code (see the module docstring)."""
    out = sys.stdout
    where = Path(args.manifest) if getattr(args, "manifest", None) else _manifest.manifest_path()

    if getattr(args, "write_manifest", False):
        path = _manifest.write_manifest(where)
        print(f"wrote {path}; review the diff and commit it", file=out)
        return 0

    print("Datasets of the course (data cards in datasets/):", file=out)
    for info in CATALOG:
        print(f"  {info.kind:<9} {info.name:<20} {info.summary}  [datasets/{info.card}]", file=out)
    print(file=out)

    code = 0
    if not getattr(args, "no_verify", False):
        print(f"Verifying synthetic datasets at their default parameters against {where}:", file=out)
        try:
            results = _manifest.verify(where, names=getattr(args, "only", None))
        except (FileNotFoundError, ValueError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        for result in results:
            label = {"ok": "OK", "ok-tolerance": "OK~", "mismatch": "MISMATCH", "missing": "MISSING"}[result.status]
            digest = result.actual[:16] or "-"
            print(f"  {result.name:<20} {label:<9} sha256 {digest}  ({result.seconds:.1f} s)", file=out)
            if result.status == "ok-tolerance":
                print(f"      {result.message}", file=out)
        failed = [r for r in results if not r.ok]
        for result in failed:
            print(
                f"error: {result.name} does not match the manifest: {result.message} "
                f"(expected sha256 {result.expected[:16] or '-'}, got {result.actual[:16] or '-'}). "
                "If you did not change the generator, your numpy may draw different random numbers "
                "(the manifest was made with numpy "
                f"{_recorded_numpy(where)}); install the course's pinned versions with `make install`. "
                "If the change is intended, run `course datasets --write-manifest` and commit it.",
                file=sys.stderr,
            )
        code = 1 if failed else 0
        if not failed:
            print("All synthetic datasets match the manifest.", file=out)
        print(file=out)

    print(OWN_DATA_HELP, file=out)
    return code


def _recorded_numpy(path: Path) -> str:
    try:
        return str(_manifest.load_manifest(path).get("numpy", "unknown"))
    except (FileNotFoundError, ValueError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m course_utils.datasets.cli``."""
    parser = argparse.ArgumentParser(prog="course datasets")
    _configure(parser)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
