"""Pass ``publisher``: pick meta.publisher from the votes of copyright lines (6), e-mail
domains (5), datelines (2) and markup hints (explicit front matter 10, page meta 1)."""

from __future__ import annotations

from bookmaker.normalize.context import Context


def run(ctx: Context) -> None:
    """Choose the best-supported publisher."""
    explicit = ctx.hints.get("publisher")
    if isinstance(explicit, str) and explicit.strip():
        ctx.vote_publisher(explicit.strip(), 10)
    site = ctx.hints.get("site_name")
    if isinstance(site, str) and site.strip():
        outlet = ctx.rules.outlet_in_text(site)
        ctx.vote_publisher(outlet.name if outlet else site.strip(), 1)
    url = ctx.hints.get("url")
    if isinstance(url, str) and "//" in url:
        host = url.split("//", 1)[1].split("/", 1)[0]
        outlet = ctx.rules.outlet_by_domain(host)
        if outlet:
            ctx.vote_publisher(outlet.name, 1)
    rights = ctx.hints.get("rights")
    if isinstance(rights, str) and rights.strip() and not ctx.meta.get("rights"):
        ctx.meta["rights"] = rights.strip()
        outlet = ctx.rules.outlet_in_text(rights)
        if outlet:
            ctx.vote_publisher(outlet.name, 3)
    portals = {p.lower() for p in ctx.rules.strings("portals", "names")}
    best: tuple[int, str] | None = None
    for weight, name in ctx.publisher_votes:
        if name.strip().lower() in portals:
            continue
        if best is None or weight > best[0]:
            best = (weight, name)
    if best:
        ctx.meta["publisher"] = best[1]
