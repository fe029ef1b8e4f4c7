"""What a build and its PDF worker (:mod:`bookmaker.pdf_worker`) say to each other: a
:class:`Request` (the print HTML and how to render it) and a :class:`Reply` (the PDF, warnings,
refusals), msgspec structs sent as MessagePack. :meth:`Request.run` renders in this process: what the
worker does, and what a build does when there is no worker."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import msgspec

from bookmaker.fonts.subsetting import FontSubset, pdf_subsets
from bookmaker.sandbox import Sandbox
from bookmaker.writers import Written
from bookmaker.writers.pdf_attachments import PdfAttachment


class Request(msgspec.Struct, kw_only=True):
    """One render: :func:`bookmaker.writers.pdf.render_html`'s arguments, the sandbox as its rules."""

    html: str
    identifier: bytes
    created: datetime
    theme: str
    variant: str | None
    roots: list[str]
    allow_remote: bool
    refusals: dict[str, str]
    """What the sandbox refused so far (the EPUB's figures): a refused URL is reported once."""
    base_url: str | None
    attachments: list[PdfAttachment]
    fonts: list[FontSubset]
    """The document's font subsets, cut by the parent while the child imports WeasyPrint."""
    extra_css: list[str] = msgspec.field(default_factory=list)
    keep_fonts_in: str | None = None
    """A part of a book rendered in chunks: stylesheets after the document's; the worker keeps
    the font configuration for the next part, its files in a folder made in this one."""

    @classmethod
    def of(
        cls,
        html: str,
        *,
        identifier: bytes,
        created: datetime,
        theme: str,
        variant: str | None,
        sandbox: Sandbox,
        base_url: str | None,
        attachments: list[PdfAttachment],
    ) -> Request:
        """The request for ``html`` rendered under ``sandbox``'s rules."""
        return cls(
            html=html,
            identifier=identifier,
            created=created,
            theme=theme,
            variant=variant,
            roots=[str(root) for root in sandbox.roots],
            allow_remote=sandbox.allow_remote,
            refusals=dict(sandbox.refusals),
            base_url=base_url,
            attachments=attachments,
            fonts=pdf_subsets(html),
        )

    def sandbox(self) -> Sandbox:
        """A sandbox with the request's rules and refusals."""
        return Sandbox(tuple(Path(root) for root in self.roots), self.allow_remote, dict(self.refusals))

    def run(self, sandbox: Sandbox | None = None) -> Written:
        """Render here (``sandbox``: the one to record refusals in; default: a new one)."""
        from bookmaker.writers.pdf import render_html

        fence = sandbox or self.sandbox()
        return render_html(
            self.html,
            identifier=self.identifier,
            created=self.created,
            theme=self.theme,
            variant=self.variant,
            sandbox=fence,
            base_url=self.base_url,
            attachments=self.attachments,
            fonts=self.fonts,
            extra_css=self.extra_css,
            keep_fonts_in=self.keep_fonts_in,
        )


class Reply(msgspec.Struct, kw_only=True):
    """What the child sends back: the PDF and warnings, or the error that stopped it."""

    pdf: bytes = b""
    warnings: list[str] = msgspec.field(default_factory=list)
    refusals: list[tuple[str, str]] = msgspec.field(default_factory=list)
    """The sandbox's refusals, in order: (URL, message)."""
    error: str | None = None
    """A build error's message."""
    internal: str | None = None
    """Any other exception, as ``Name: message``."""
