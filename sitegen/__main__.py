"""``python -m sitegen``: the generation stage and what follows the engine's build.

  python -m sitegen check [--uten-notatbok]    check every source; print the mistakes (exit 1) or nothing
  python -m sitegen build --out DIR            check, then write the staging folder DIR (DIR/docs is the docs_dir)
  python -m sitegen post --site SITE --out DIR the whole-guide PDF and the offline zip, from the built SITE
  python -m sitegen site --engine NAME --site SITE
                                               all three with the engine NAME (mkdocs, properdocs, zensical)

``VL_SITE_URL`` is the published address, as for ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check")
    check_command.add_argument("--uten-notatbok", action="store_true", help="leave the methodology notebook out")
    build = commands.add_parser("build")
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--serve", action="store_true", help="as for ./dev serve: download links without sizes")
    post = commands.add_parser("post")
    post.add_argument("--site", type=Path, required=True)
    post.add_argument("--out", type=Path, required=True, help="the staging folder the site was built from")
    site = commands.add_parser("site")
    site.add_argument("--engine", default="mkdocs")
    site.add_argument("--site", type=Path, default=Path("site"))
    site.add_argument("--out", type=Path, default=None, help="staging folder (default .cache/staging/<engine>)")
    args = parser.parse_args(argv)

    from sitegen import check, engine, stage
    from sitegen import post as post_build

    if args.command == "check":
        try:
            for warning in check.run(notebook=not args.uten_notatbok).warnings:
                print(warning, file=sys.stderr)
        except check.StageError as error:
            print(f"Feil: {error}", file=sys.stderr)
            return 1
        return 0
    if args.command == "build":
        return stage.main(args.out, None, args.serve)  # the address: VL_SITE_URL or mkdocs.yml (stage.build)
    if args.command == "post":
        try:
            post_build.run(args.site, args.out)
        except post_build.NotStaged as error:
            print(f"Feil: {error}", file=sys.stderr)
            return 1
        return 0
    return engine.build_site(args.engine, args.site, args.out)


if __name__ == "__main__":
    sys.exit(main())
