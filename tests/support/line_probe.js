// Line-break probe for an EPUB content document, evaluated in headless chromium (tests/support/chromium.py).
// Measures every character's box with Range.getClientRects, finds where lines wrap, and reports
// wraps that do not fall on white space and the width of the gaps between words (in em; also in
// a paginated reader's frame, whose pages are columns). The expression's value is a Promise of the report;
// CONTROL (replaced by the caller) first switches keep-all off, as a self-test of the probe.
(function (control) {
  "use strict";
  var BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, figcaption, dt, dd";

  function leafBlocks() {
    return Array.prototype.filter.call(document.body.querySelectorAll(BLOCKS), function (el) {
      return !el.querySelector(BLOCKS);
    });
  }

  function characters(block) {
    var out = [];
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, null);
    var range = document.createRange();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.data;
      for (var i = 0; i < text.length; i++) {
        var code = text.charCodeAt(i);
        var width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        range.setStart(node, i);
        range.setEnd(node, i + width);
        var rects = range.getClientRects();
        var ch = text.substr(i, width);
        out.push({ ch: ch, rect: rects.length ? rects[0] : null });
        i += width - 1;
      }
    }
    return out;
  }

  function probeBlock(block, report) {
    var chars = characters(block);
    var em = parseFloat(getComputedStyle(block).fontSize) || 16;
    var prev = -1;
    var lines = 1;
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (!c.rect || /\s/.test(c.ch) || c.rect.width === 0) continue;
      if (prev >= 0) {
        var p = chars[prev].rect;
        var sameLine = Math.abs(c.rect.top - p.top) <= p.height * 0.5;
        if (sameLine && i > prev + 1) {  // a word space: how wide the gap between the two words is
          var gap = (c.rect.left - p.right) / em;
          report.maxGap = Math.max(report.maxGap, gap);
          if (gap > 1) {
            var around = chars.map(function (x) { return x.ch; }).join("");
            report.gaps.push({ em: +gap.toFixed(2), context: around.slice(Math.max(0, prev - 8), i + 8) });
          }
        }
        if (!sameLine) {  // the next line (below, or at the top of the next column of a paginated reader)
          lines++;
          report.edges.push(chars[prev].ch + c.ch);
          var spaced = false;
          for (var k = prev + 1; k < i; k++) if (/\s/.test(chars[k].ch)) spaced = true;
          if (!spaced) {
            var text = chars.map(function (x) { return x.ch; }).join("");
            report.breaks.push({
              before: chars[prev].ch, after: c.ch, tag: block.tagName.toLowerCase(),
              context: text.slice(Math.max(0, prev - 8), prev + 1) + "|" + text.slice(i, i + 8),
            });
          }
        }
      }
      prev = i;
    }
    report.lines += lines;
    // Justification may only widen spaces: compare each letter's advance with the ragged layout.
    var saved = block.style.textAlign;
    block.style.textAlign = "left";
    var ragged = characters(block);
    block.style.textAlign = saved;
    var text = chars.map(function (x) { return x.ch; }).join("");
    for (var j = 0; j < chars.length; j++) {
      var a = chars[j].rect, b = ragged[j].rect;
      if (!a || !b || /\s/.test(chars[j].ch)) continue;
      if (a.width - b.width > 0.1 * em) {
        report.stretched.push({
          ch: chars[j].ch, extra: +((a.width - b.width) / em).toFixed(2),
          context: text.slice(Math.max(0, j - 6), j) + "[" + chars[j].ch + "]" + text.slice(j + 1, j + 7),
        });
      }
    }
  }

  function run() {
    var report = {
      breaks: [], stretched: [], edges: [], gaps: [], maxGap: 0, lines: 0, blocks: 0, fonts: [], overflow: 0,
      viewport: window.innerWidth,
    };
    try {
      leafBlocks().forEach(function (block) { report.blocks++; probeBlock(block, report); });
      report.overflow = document.documentElement.scrollWidth - window.innerWidth;
    } catch (err) {
      report.error = String(err);
    }
    try {
      document.fonts.forEach(function (face) {
        report.fonts.push({ family: face.family, weight: String(face.weight), status: face.status });
      });
    } catch (err) {
      report.fonts = null;  // a reading system's frame may not let its font set be listed
    }
    return report;
  }

  if (control) {
    var style = document.createElementNS("http://www.w3.org/1999/xhtml", "style");
    style.textContent = "* { word-break: normal !important; -epub-word-break: normal !important; }";
    document.documentElement.firstElementChild.appendChild(style);
  }
  void document.body.offsetHeight; // lay out first, so the fonts the page needs start loading
  return document.fonts.ready.then(run);
})(CONTROL);
