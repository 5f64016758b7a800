#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders Cobalt's PDF report with pdftoppm and checks what a reader sees.

Usage: check-pdf.py REPORT-DUMP PDFTOPPM      (makes reports, then checks)
   or: check-pdf.py FILE.pdf PDFTOPPM         (checks one report)

With pdftotext beside pdftoppm, the text is read back too: no cell cut
short ("…"), the demo's notes and stopped checklist there whole, and the
log table starting on page 1 under the summary.
"""
import glob
import os
import subprocess
import sys
import tempfile


def read_ppm(path):
    data = open(path, 'rb').read()
    # P6 <w> <h> <max> then RGB bytes (pdftoppm writes no comments)
    parts = data.split(maxsplit=4)
    assert parts[0] == b'P6', parts[0]
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4]


def render(pdf, pdftoppm, tmp, name):
    prefix = os.path.join(tmp, name)
    subprocess.run([pdftoppm, '-r', '72', pdf, prefix], check=True)
    pages = sorted(glob.glob(prefix + '*.ppm'))
    # The page count pdftoppm sees; PNG output too, as users would get it.
    subprocess.run([pdftoppm, '-r', '20', '-png', '-f', '1', '-l', '1', pdf, prefix + '-png'],
                   check=True)
    assert glob.glob(prefix + '-png*.png'), 'no PNG rendered'
    return pages


def check_pages(pages, size):
    assert len(pages) > 0, 'no pages'
    for page in pages:
        width, height, pixels = read_ppm(page)
        # pdftoppm rounds 595.28 points up
        assert abs(width - size[0]) <= 1 and abs(height - size[1]) <= 1, \
            'page size %dx%d, expected %dx%d' % (width, height, *size)
        dark = sum(1 for i in range(0, len(pixels), 3 * 7) if pixels[i] < 128)
        assert dark > 100, '%s looks blank (%d dark samples)' % (page, dark)


def pdftotext(pdftoppm):
    tool = os.path.join(os.path.dirname(pdftoppm), 'pdftotext')
    return tool if os.access(tool, os.X_OK) else None


def check_text(pdf, tool):
    """The report's text as drawn, white space left out so that wrapped
    cells read whole."""
    raw = subprocess.run([tool, '-raw', pdf, '-'], check=True, capture_output=True,
                         text=True).stdout
    assert '\u2026' not in raw and '...' not in raw, 'a cell was cut short'
    squeezed = ''.join(raw.split())
    for text in ('Given late: away from home on the due day.',
                 'The liquid looked cloudy, so we stopped and rang the clinic.',
                 'Cared for by Jordan Rivera (daughter), who gives the injections.',
                 'Carer (Jordan Rivera)', 'Settled by the next day.'):
        assert ''.join(text.split()) in squeezed, 'missing or cut: %s' % text
    first = subprocess.run([tool, '-f', '1', '-l', '1', pdf, '-'], check=True,
                           capture_output=True, text=True).stdout
    for text in ('Date of birth:', 'Current phase:', 'Doses in the last 12 months',
                 'Latest lab results', 'Symptom return', 'Date and time'):
        assert text in first, 'page 1 lacks %s' % text


def main():
    target, pdftoppm = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        if target.endswith('.pdf'):
            pages = render(target, pdftoppm, tmp, 'page')
            assert pages, 'no pages'
            print('ok: %d pages' % len(pages))
            return

        # A4 outside North America (595 x 842 points at 72 dpi).
        pdf = os.path.join(tmp, 'a4.pdf')
        env = dict(os.environ, LC_ALL='C.UTF-8', LC_PAPER='', LANG='en_GB.UTF-8')
        out = subprocess.run([target, pdf, '300'], check=True, env=env,
                             capture_output=True, text=True).stdout
        assert os.stat(pdf).st_mode & 0o777 == 0o600, 'report must be 0600'
        assert open(pdf, 'rb').read(5) == b'%PDF-'
        pages = render(pdf, pdftoppm, tmp, 'a4')
        assert len(pages) == int(out.strip()), 'page count %d, report said %s' % (len(pages), out)
        assert len(pages) >= 3, 'a summary page and a dose table over several pages'
        check_pages(pages, (595, 842))

        # Letter in the US (612 x 792 points).
        pdf = os.path.join(tmp, 'letter.pdf')
        env = dict(os.environ, LC_ALL='', LC_PAPER='en_US.UTF-8', LANG='en_US.UTF-8')
        env.pop('LC_ALL')
        subprocess.run([target, pdf], check=True, env=env)
        check_pages(render(pdf, pdftoppm, tmp, 'letter'), (612, 792))

        # The person a carer looks after, on both papers, read as text.
        tool = pdftotext(pdftoppm)
        if tool is not None:
            for name, paper_env in (('a4', dict(os.environ, LC_ALL='C.UTF-8', LANG='en_GB.UTF-8')),
                                    ('letter', dict(env))):
                pdf = os.path.join(tmp, 'sam-%s.pdf' % name)
                subprocess.run([target, pdf, '0', 'Sam Rivera'], check=True, env=paper_env,
                               stdout=subprocess.DEVNULL)
                check_text(pdf, tool)
    print('ok')


if __name__ == '__main__':
    main()
