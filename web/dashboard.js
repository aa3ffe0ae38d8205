// Lantern's dashboard script: what a form cannot do. Every view works without it.
(function () {
  'use strict';

  // Copy the address of this view, which holds its whole state, to send to a colleague.
  document.querySelectorAll('[data-copy-link]').forEach(function (button) {
    button.addEventListener('click', function () {
      var done = function () {
        button.textContent = 'Link copied';
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(location.href).then(done, function () {
          window.prompt('Copy this link', location.href);
        });
      } else {
        window.prompt('Copy this link', location.href);
      }
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  });

  // The note typed in an action's update, kept in this tab until it is saved: a session that
  // ended meanwhile (a working day after signing in, or signed out in another tab) refuses the
  // form, and the note is put back when the page is opened again after signing in. Kept per
  // user (another person signing in at this tab does not get it), dropped on signing out.
  var DRAFT = 'lantern-draft:';
  var draftKey = DRAFT + (document.body.getAttribute('data-user') || '') + ':' + location.pathname;
  var drafts = function () {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  };
  document.querySelectorAll('form.update-form textarea[name=note]').forEach(function (note) {
    var store = drafts();
    if (!store) return;
    if (/[?&]saved=/.test(location.search)) store.removeItem(draftKey);
    var kept = store.getItem(draftKey);
    if (kept && note.value === '') {
      note.value = kept;
      var said = document.createElement('p');
      said.className = 'notice note';
      said.setAttribute('role', 'status');
      said.textContent =
        'The note you were typing, not yet saved, is back in its box: save the update to keep it.';
      note.form.insertBefore(said, note.form.querySelector('.fields'));
    }
    note.addEventListener('input', function () {
      if (note.value === '') store.removeItem(draftKey);
      else store.setItem(draftKey, note.value);
    });
  });
  document.querySelectorAll('form.account').forEach(function (form) {
    form.addEventListener('submit', function () {
      var store = drafts();
      if (!store) return;
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(DRAFT) === 0) store.removeItem(key);
      }
    });
  });

  // A table's scrolling box is in the tab order (pages/table-regions.ts) only while it scrolls:
  // at a laptop's width the keyboard passes no empty stops, at 400% zoom it reaches each one.
  var regions = document.querySelectorAll('.table-wrap[role=region]');
  var tabStops = function () {
    regions.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) box.setAttribute('tabindex', '0');
      else if (document.activeElement !== box) box.removeAttribute('tabindex');
    });
  };
  tabStops();
  window.addEventListener('resize', tabStops);
  // A table shown by opening its "numbers behind" is measured once it is open.
  document.querySelectorAll('details').forEach(function (d) {
    d.addEventListener('toggle', tabStops);
  });

  // While a view is being worked out (a force's assessment takes a few seconds), say so.
  document.querySelectorAll('form.filters').forEach(function (form) {
    form.addEventListener('submit', function () {
      var main = document.getElementById('main');
      if (!main) return;
      main.setAttribute('aria-busy', 'true');
      var note = document.createElement('p');
      note.className = 'notice note';
      note.setAttribute('role', 'status');
      note.textContent = 'Working it out…';
      main.insertBefore(note, main.firstChild);
    });
  });

  // Pan and zoom a map: buttons, the wheel, dragging, and the keyboard (+ − arrows 0).
  document.querySelectorAll('[data-zoom]').forEach(function (box) {
    var svg = box.querySelector('svg');
    if (!svg) return;
    var base = (
      svg.getAttribute('viewBox') ||
      '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height')
    )
      .split(/[ ,]+/)
      .map(Number);
    var view = base.slice();
    var apply = function () {
      svg.setAttribute('viewBox', view.join(' '));
    };
    var zoom = function (factor, cx, cy) {
      var w = view[2] * factor,
        h = view[3] * factor;
      if (w > base[2] * 1.5 || w < base[2] / 20) return;
      cx = cx === undefined ? view[0] + view[2] / 2 : cx;
      cy = cy === undefined ? view[1] + view[3] / 2 : cy;
      view = [cx - (cx - view[0]) * factor, cy - (cy - view[1]) * factor, w, h];
      apply();
    };
    var pan = function (dx, dy) {
      view[0] += dx * view[2];
      view[1] += dy * view[3];
      apply();
    };
    var reset = function () {
      view = base.slice();
      apply();
    };
    var controls = document.createElement('div');
    controls.className = 'zoom-controls';
    [
      [
        '+',
        'Zoom in',
        function () {
          zoom(0.67);
        },
      ],
      [
        '−',
        'Zoom out',
        function () {
          zoom(1.5);
        },
      ],
      ['⟲', 'Reset the map', reset],
    ].forEach(function (c) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = c[0];
      b.setAttribute('aria-label', c[1]);
      b.addEventListener('click', c[2]);
      controls.appendChild(b);
    });
    // Above the map, not over it: laid over the map, the buttons covered its legend on a phone
    // and at 200% zoom, where the map is narrow and the legend sits in its top right corner.
    box.parentNode.insertBefore(controls, box);
    box.addEventListener('keydown', function (e) {
      var keys = {
        '+': function () {
          zoom(0.67);
        },
        '=': function () {
          zoom(0.67);
        },
        '-': function () {
          zoom(1.5);
        },
        0: reset,
        ArrowLeft: function () {
          pan(-0.1, 0);
        },
        ArrowRight: function () {
          pan(0.1, 0);
        },
        ArrowUp: function () {
          pan(0, -0.1);
        },
        ArrowDown: function () {
          pan(0, 0.1);
        },
      };
      if (e.target !== box || !keys[e.key]) return;
      e.preventDefault();
      keys[e.key]();
    });
    var point = function (e) {
      var r = svg.getBoundingClientRect();
      return [
        view[0] + ((e.clientX - r.left) / r.width) * view[2],
        view[1] + ((e.clientY - r.top) / r.height) * view[3],
      ];
    };
    box.addEventListener(
      'wheel',
      function (e) {
        e.preventDefault();
        var p = point(e);
        zoom(e.deltaY < 0 ? 0.8 : 1.25, p[0], p[1]);
      },
      { passive: false },
    );
    var drag = null;
    box.addEventListener('pointerdown', function (e) {
      if (e.target.closest && e.target.closest('button')) return;
      drag = { x: e.clientX, y: e.clientY };
      box.setPointerCapture(e.pointerId);
    });
    box.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      view[0] -= ((e.clientX - drag.x) / r.width) * view[2];
      view[1] -= ((e.clientY - drag.y) / r.height) * view[3];
      drag = { x: e.clientX, y: e.clientY };
      apply();
    });
    box.addEventListener('pointerup', function () {
      drag = null;
    });
  });

  // A form's fields without the empty ones (police.uk files name no dataset).
  function filled(data) {
    var out = new FormData();
    data.forEach(function (value, key) {
      if (value !== '') out.append(key, value);
    });
    return out;
  }

  // The import's report in words: what each file gave, or why it was refused.
  function describeImport(r) {
    var lines = (r.files || []).map(function (f) {
      var name = String(f.path || '')
        .split(/[\\/!]/)
        .pop();
      var months =
        f.months && f.months.length
          ? ' for ' +
            f.months[0] +
            (f.months.length > 1 ? ' to ' + f.months[f.months.length - 1] : '')
          : '';
      if (f.status === 'refused') return name + ': refused, nothing of it kept. ' + (f.error || '');
      if (f.status === 'already-imported')
        return name + ': already imported' + months + ', nothing changed.';
      var rejected = f.rejected ? ' (' + f.rejected + ' rows set aside, listed in the store)' : '';
      var warnings = (f.warnings || [])
        .map(function (w) {
          return '\n  ' + (w.message || w);
        })
        .join('');
      return name + ': ' + f.accepted + ' records imported' + months + rejected + '.' + warnings;
    });
    // The import's own sentence (usecases/boundary-gaps.ts): LSOA boundaries, which ward
    // boundaries stand in for (QA: "No boundaries are held" under maps with ward outlines).
    (r.boundaryGaps || []).forEach(function (g) {
      lines.push(g.text + ' (on the server)');
    });
    return lines.join('\n');
  }

  // Upload: post the files, then follow the import's progress until its report.
  var form = document.getElementById('upload-form');
  if (form) {
    var status = document.getElementById('upload-status');
    var report = document.getElementById('upload-report');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var button = form.querySelector('button');
      button.disabled = true;
      report.hidden = true;
      status.textContent = 'Uploading…';
      fetch(form.action, { method: 'POST', body: filled(new FormData(form)) })
        .then(function (r) {
          return r.json().then(function (body) {
            return { ok: r.ok, body: body };
          });
        })
        .then(function (answer) {
          if (!answer.ok)
            throw new Error(
              answer.body.error ? answer.body.error.message : 'The upload was refused.',
            );
          status.textContent = 'Uploaded; checking and importing…';
          var events = new EventSource(answer.body.events);
          var total = 0,
            done = 0;
          events.addEventListener('progress', function (m) {
            var p = JSON.parse(m.data);
            if (p.phase === 'start') {
              total = p.total || 0;
              done = 0;
            }
            if (p.phase === 'step') done += 1;
            status.textContent =
              'Importing' +
              (total ? ': ' + done + ' of ' + total + ' ' + (p.unit || 'files') : '…') +
              (p.label ? ' (' + p.label + ')' : '');
          });
          events.addEventListener('report', function (m) {
            events.close();
            var r = JSON.parse(m.data);
            status.textContent = 'Finished. The report of the import:';
            report.textContent = describeImport(r);
            report.hidden = false;
            button.disabled = false;
          });
          events.addEventListener('failed', function (m) {
            events.close();
            var f = JSON.parse(m.data);
            status.textContent =
              'The import did not complete, and nothing of it was kept: ' +
              (f.error ? f.error.message : 'unknown error');
            button.disabled = false;
          });
        })
        .catch(function (error) {
          status.textContent = error.message;
          button.disabled = false;
        });
    });
  }
})();
