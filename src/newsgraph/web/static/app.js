/* newsgraph web page: plain ES2019, no build step.
 *
 * Security: every string that comes from the API (names, sentences, titles, article text) is
 * untrusted.  It is only ever written with textContent / createTextNode / setAttribute on
 * non-URL attributes; links from the data are accepted only with http(s) schemes.
 */
(function () {
  'use strict';

  // The vocabulary (newsgraph/ontology.py) comes from GET /api/ontology when the page starts:
  // the PLOVER types and statuses in their order, and the colour of each entity and interaction type.
  var PLOVER = [];
  var STATUSES = [];
  var ENTITY_COLORS = {};
  var EDGE_COLORS = {};
  var NEGATED_COLOR = '#d62728';

  // ---- token and API ------------------------------------------------------------------
  // The server answers /?token=T with a same-site cookie, so the token leaves the address bar (and
  // screenshots, history, Referer headers) at once; calls carry it in a header while the page is open.
  var TOKEN = new URLSearchParams(location.search).get('token');
  if (TOKEN && window.history && history.replaceState) {
    history.replaceState(null, '', location.pathname + location.hash);
  }

  function api(path, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    if (TOKEN) headers.Authorization = 'Bearer ' + TOKEN;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method: options.method || 'GET',
      headers: headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin'
    }).then(function (r) {
      return r.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        if (!r.ok) {
          var detail = data && data.detail;
          if (Array.isArray(detail)) detail = detail.map(function (d) { return d.msg || String(d); }).join('; ');
          var err = new Error((detail ? String(detail) : 'HTTP ' + r.status));
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  function qs(params) {
    var p = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null && params[k] !== '') p.set(k, params[k]);
    });
    var s = p.toString();
    return s ? '?' + s : '';
  }

  // ---- DOM helpers (text only) ------------------------------------------------------------
  function $(id) { return document.getElementById(id); }

  /** el('div', {className: 'x', 'data-type': t}, child1, 'text', ...) ; strings become text nodes */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'className') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k === 'href') node.setAttribute('href', safeHref(v));
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /** Internal hash links pass; external links only with http(s); anything else becomes '#'. */
  function safeHref(v) {
    v = String(v);
    if (v.charAt(0) === '#') return v;
    try {
      var u = new URL(v, location.href);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch (e) { /* fall through */ }
    return '#';
  }

  function showMessage(text, kind) {
    var m = $('message');
    if (!text) { m.hidden = true; m.textContent = ''; return; }
    m.textContent = text;
    m.className = kind || 'error';
    m.hidden = false;
  }

  function swatch(color, extraClass) {
    var s = el('span', { className: 'swatch' + (extraClass ? ' ' + extraClass : '') });
    s.style.background = color;
    return s;
  }

  function statusBadge(status) {
    return el('span', { className: 'status status-' + status, text: status === 'negated' ? '✕ negated' : status });
  }

  function dateOf(edge) {
    var t = edge.time;
    if (t && t.start) return t.end && t.end !== t.start ? t.start + ' – ' + t.end : t.start;
    return null;
  }

  // ---- search with suggestions --------------------------------------------------------------
  var searchSeq = 0;
  var searchTimer = null;
  var suggestions = [];
  var activeSuggestion = -1;

  function renderSuggestions(items) {
    var ul = $('suggestions');
    clear(ul);
    suggestions = items;
    activeSuggestion = -1;
    items.forEach(function (ent, i) {
      var b = el('button', {
        type: 'button', className: 'suggestion', role: 'option', 'data-id': ent.id,
        onmousedown: function (e) { e.preventDefault(); },  // keep focus; click chooses
        onclick: function () { choose(ent); }
      }, swatch(ENTITY_COLORS[ent.type] || '#999'), el('span', { className: 'name', text: ent.name }),
      el('span', { className: 'muted', text: ' ' + ent.type + ' · ' + ent.mentions + ' mentions · ' + ent.events + ' interactions' }));
      ul.appendChild(el('li', null, b));
      if (i === activeSuggestion) b.classList.add('active');
    });
    if (!items.length && $('search').value.trim()) ul.appendChild(el('li', { className: 'muted none', text: 'No match' }));
    ul.hidden = !ul.firstChild;
    $('search').setAttribute('aria-expanded', ul.hidden ? 'false' : 'true');
  }

  function highlightSuggestion(i) {
    var buttons = $('suggestions').querySelectorAll('button.suggestion');
    if (!buttons.length) return;
    activeSuggestion = (i + buttons.length) % buttons.length;
    buttons.forEach(function (b, j) { b.classList.toggle('active', j === activeSuggestion); });
  }

  function choose(ent) {
    clearTimeout(searchTimer);
    searchSeq++;                       // drop any answer still on its way
    $('suggestions').hidden = true;
    $('search').setAttribute('aria-expanded', 'false');
    $('search').value = ent.name;
    $('search').blur();
    location.hash = '#/entity/' + encodeURIComponent(ent.id);
  }

  function searchNow() {
    var q = $('search').value.trim();
    var seq = ++searchSeq;
    api('/api/entities' + qs({ q: q, limit: 10 })).then(function (items) {
      if (seq === searchSeq) renderSuggestions(items || []);
    }).catch(function (e) { if (seq === searchSeq) showMessage(e.message); });
  }

  function initSearch() {
    var input = $('search');
    input.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(searchNow, 150);
    });
    input.addEventListener('focus', function () { if (!suggestions.length) searchNow(); else $('suggestions').hidden = false; });
    input.addEventListener('blur', function () { setTimeout(function () { $('suggestions').hidden = true; }, 150); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); highlightSuggestion(activeSuggestion + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlightSuggestion(activeSuggestion - 1); }
      else if (e.key === 'Escape') { $('suggestions').hidden = true; }
      else if (e.key === 'Enter') {
        e.preventDefault();
        var pick = suggestions[activeSuggestion >= 0 ? activeSuggestion : 0];
        if (pick) choose(pick);
        else {
          // nothing suggested yet: search now, then take the first
          clearTimeout(searchTimer);
          api('/api/entities' + qs({ q: input.value.trim(), limit: 10 })).then(function (items) {
            if (items && items.length) choose(items[0]); else renderSuggestions([]);
          }).catch(function (err) { showMessage(err.message); });
        }
      }
    });
  }

  // ---- views and routing ------------------------------------------------------------------
  function showView(name) {
    ['home-view', 'actor-view', 'document-view'].forEach(function (v) { $(v).hidden = v !== name; });
    document.body.setAttribute('data-view', name);
  }

  function parseHash() {
    var h = location.hash.replace(/^#\/?/, '');
    var qpos = h.indexOf('?');
    var path = qpos >= 0 ? h.slice(0, qpos) : h;
    var params = new URLSearchParams(qpos >= 0 ? h.slice(qpos + 1) : '');
    var parts = path.split('/').filter(Boolean).map(function (p) {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    return { parts: parts, params: params };
  }

  var ready = null;  // settles once the vocabulary is loaded, or could not be (see init)

  function route() { return ready.then(showRoute); }

  function showRoute() {
    showMessage('');
    var r = parseHash();
    if (r.parts[0] === 'entity' && r.parts[1]) return showActor(r.parts[1]);
    if (r.parts[0] === 'document' && r.parts[1]) {
      var s = parseInt(r.params.get('start'), 10);
      var e = parseInt(r.params.get('end'), 10);
      return showDocument(r.parts[1], isNaN(s) ? null : s, isNaN(e) ? null : e);
    }
    return showHome();
  }

  function showHome() {
    showView('home-view');
    return api('/api/entities' + qs({ q: '', limit: 20 })).then(function (items) {
      var ul = $('top-entities');
      clear(ul);
      (items || []).forEach(function (ent) {
        ul.appendChild(el('li', null, el('a', { href: '#/entity/' + encodeURIComponent(ent.id), className: 'chip' },
          swatch(ENTITY_COLORS[ent.type] || '#999'), ent.name, el('span', { className: 'muted', text: ' ' + ent.events }))));
      });
      if (!items || !items.length) ul.appendChild(el('li', { className: 'muted', text: 'The store is empty: add an article.' }));
    }).catch(function (e) { showMessage(e.message); });
  }

  // ---- actor view -----------------------------------------------------------------------------
  var cy = null;
  var actorSeq = 0;
  var currentActor = null;
  var currentEdges = {};   // edge id -> edge JSON (from ego and timeline)

  function cyStyle() {
    var style = [
      { selector: 'node', style: {
        'background-color': '#999', label: 'data(name)', 'font-size': 11, 'text-valign': 'bottom',
        'text-margin-y': 4, color: '#222', width: 24, height: 24, 'text-wrap': 'ellipsis', 'text-max-width': 140,
        'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1 } },
      { selector: 'node[?center]', style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#222', 'font-weight': 'bold' } },
      { selector: 'node[hops = 2]', style: { width: 18, height: 18 } },
      { selector: 'node[hops = 3]', style: { width: 14, height: 14 } },
      { selector: 'edge', style: {
        width: 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
        'line-color': '#888', 'target-arrow-color': '#888', label: 'data(label)', 'font-size': 8, color: '#444',
        'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
        'text-background-padding': 1, 'line-style': 'solid' } }
    ];
    Object.keys(ENTITY_COLORS).forEach(function (t) {
      style.push({ selector: 'node[type = "' + t + '"]', style: { 'background-color': ENTITY_COLORS[t] } });
    });
    Object.keys(EDGE_COLORS).forEach(function (t) {
      style.push({ selector: 'edge[type = "' + t + '"]', style: { 'line-color': EDGE_COLORS[t], 'target-arrow-color': EDGE_COLORS[t] } });
    });
    style.push({ selector: 'edge[status = "planned"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4] } });
    style.push({ selector: 'edge[status = "hypothetical"]', style: { 'line-style': 'dotted', opacity: 0.75 } });
    style.push({ selector: 'edge[status = "negated"]', style: {
      'line-style': 'dotted', 'line-color': NEGATED_COLOR, 'target-arrow-color': NEGATED_COLOR, color: NEGATED_COLOR,
      'target-arrow-shape': 'tee' } });
    style.push({ selector: 'edge:selected', style: { width: 5, 'overlay-opacity': 0.15, 'overlay-color': '#000' } });
    style.push({ selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } });
    return style;
  }

  function ensureCy() {
    if (cy) return cy;
    cy = cytoscape({
      container: $('network'), style: cyStyle(), elements: [], wheelSensitivity: 0.3,
      minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false
    });
    cy.on('tap', 'edge', function (evt) {
      var edge = currentEdges[evt.target.data('edgeId')];
      if (edge) selectEdge(edge);
    });
    cy.on('tap', 'node', function (evt) {
      var id = evt.target.id();
      if (currentActor && id !== currentActor) location.hash = '#/entity/' + encodeURIComponent(id);
    });
    window.newsgraphCy = cy;
    return cy;
  }

  function edgeLabel(edge) {
    if (edge.status === 'negated') return '✕ ' + edge.type;
    if (edge.status === 'planned') return edge.type + ' (planned)';
    if (edge.status === 'hypothetical') return edge.type + ' (?)';
    return edge.type;
  }

  function graphElements(ego) {
    var els = [];
    var have = {};
    (ego.nodes || []).forEach(function (n) {
      have[n.id] = true;
      els.push({ group: 'nodes', data: { id: n.id, name: n.name, type: n.type, hops: n.hops, center: n.id === ego.center } });
    });
    (ego.edges || []).forEach(function (edge) {
      currentEdges[edge.id] = edge;
      (edge.source_ids || []).forEach(function (s) {
        (edge.target_ids || []).forEach(function (t) {
          if (!have[s] || !have[t] || s === t) return;
          els.push({ group: 'edges', data: {
            id: edge.id + ':' + s + ':' + t, edgeId: edge.id, eventId: edge.event ? edge.event.id : edge.id, source: s, target: t, type: edge.type,
            status: edge.status, label: edgeLabel(edge), sentence: edge.evidence ? edge.evidence.sentence : '' } });
        });
      });
    });
    return els;
  }

  function readFilters() {
    return {
      type: $('f-type').value, status: $('f-status').value,
      since: $('f-since').value, until: $('f-until').value
    };
  }

  function showActor(id) {
    showView('actor-view');
    var seq = ++actorSeq;
    var changed = currentActor !== id;
    currentActor = id;
    if (changed) {
      clear($('timeline'));
      $('actor-name').textContent = '…';
      $('actor-type').textContent = '';
      clear($('actor-details'));
    }
    var f = readFilters();
    var net = $('network');
    net.setAttribute('data-state', 'loading');
    var hops = $('f-hops').value || '1';
    return Promise.all([
      api('/api/entities/' + encodeURIComponent(id) + qs({ per_type: 0 })),  // the head only: the timeline lists the interactions
      // as many lines and timeline rows as a browser draws at once: the rest is one narrower filter away
      api('/api/ego/' + encodeURIComponent(id) + qs({ hops: hops, limit: 250, type: f.type, status: f.status, since: f.since, until: f.until })),
      api('/api/timeline/' + encodeURIComponent(id) + qs({ limit: 200, type: f.type, status: f.status, since: f.since, until: f.until }))
    ]).then(function (res) {
      if (seq !== actorSeq) return;
      var ent = res[0], ego = res[1], timeline = res[2] || [];
      renderActorHead(ent);
      currentEdges = {};
      timeline.forEach(function (e) { currentEdges[e.id] = e; });
      var c = ensureCy();
      c.resize();
      c.elements().remove();
      c.add(graphElements(ego));
      c.layout({
        name: 'concentric', animate: false, padding: 30, minNodeSpacing: 40,
        concentric: function (n) { return 10 - (n.data('hops') || 0); }, levelWidth: function () { return 1; }
      }).run();
      c.fit(undefined, 30);
      var info = c.nodes().length + ' actors, ' + c.edges().length + ' links';
      if (ego.truncated) info += ' (truncated: narrow the filters)';
      var more = (ego.more || []).reduce(function (a, b) { return a + b; }, 0);
      if (more) info += ' \u2014 the strongest per hop; ' + more + ' more actors not shown';
      $('net-info').textContent = info;
      net.setAttribute('data-more', String(more));
      renderTimeline(timeline, id);
      renderLegend();
      net.setAttribute('data-center', id);
      net.setAttribute('data-edges', String(c.edges().length));
      net.setAttribute('data-state', 'ready');
      document.title = ent.name + ' — newsgraph';
    }).catch(function (e) {
      if (seq !== actorSeq) return;
      net.setAttribute('data-state', 'error');
      showMessage(e.message);
    });
  }

  function renderActorHead(ent) {
    $('actor-name').textContent = ent.name;
    var badge = $('actor-type');
    badge.textContent = ent.type;
    badge.style.background = ENTITY_COLORS[ent.type] || '#999';
    var d = $('actor-details');
    clear(d);
    var bits = [];
    if (ent.country) bits.push('Country: ' + ent.country);
    if (ent.aliases && ent.aliases.length) bits.push('Also: ' + ent.aliases.join('; '));
    (ent.roles || []).forEach(function (r) {
      bits.push([r.title, r.org].filter(Boolean).join(', ') + (r.person && r.person !== ent.name ? ' (' + r.person + ')' : ''));
    });
    // descriptions are what articles called the actor, apart from its names and roles
    if (ent.descriptions && ent.descriptions.length) bits.push('Described as: ' + ent.descriptions.join('; '));
    // the type is the articles' majority; say so when they disagreed
    var votes = Object.keys(ent.type_votes || {});
    if (votes.length > 1) {
      bits.push('Typed ' + votes.map(function (k) { return k + ' in ' + ent.type_votes[k]; }).join(', ') + ' articles');
    }
    d.textContent = bits.join(' · ');
  }

  function renderTimeline(edges, centerId) {
    var ol = $('timeline');
    clear(ol);
    if (!edges.length) { ol.appendChild(el('li', { className: 'muted', text: 'No interactions match.' })); return; }
    // one mark per real event: its first report stands for the others, with their number and the event's status
    var seen = {};
    edges = edges.filter(function (edge) {
      var key = edge.event ? edge.event.id : edge.id;
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    edges.forEach(function (edge) {
      var outgoing = (edge.source_ids || []).indexOf(centerId) >= 0;
      var others = outgoing ? edge.target : edge.source;
      var when = dateOf(edge);
      var li = el('li', {
        className: 'row status-' + edge.status, tabindex: '0', 'data-edge': edge.id, 'data-status': edge.status,
        onclick: function () { selectEdge(edge); },
        onkeydown: function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectEdge(edge); } }
      },
      el('span', { className: 'when' + (when ? '' : ' muted'), text: when || 'undated' }),
      el('span', { className: 'type' }, swatch(EDGE_COLORS[edge.type] || '#888'), edge.type),
      statusBadge(edge.status),
      el('span', { className: 'other', text: (outgoing ? '→ ' : '← ') + ((others && others.length) ? others.join(', ') : '—') }),
      el('span', { className: 'sentence', text: edge.evidence ? edge.evidence.sentence : '' }),
      edge.event && (edge.event.reports > 1 || edge.event.status !== edge.status || edge.event.contradicted) ? el('span', {
        className: 'reports muted', 'data-reports': String(edge.event.reports),
        text: ' · ' + edge.event.reports + ' reports' + (edge.event.status !== edge.status ? ', now ' + edge.event.status : '') +
          (edge.event.contradicted ? ', contradicted' : '') }) : null);
      ol.appendChild(li);
    });
  }

  function markTimeline(edgeId) {
    $('timeline').querySelectorAll('li.row').forEach(function (li) {
      li.classList.toggle('selected', li.getAttribute('data-edge') === edgeId);
    });
  }

  function selectEdge(edge) {
    showEvidence(edge);
    markTimeline(edge.id);
    if (cy) {
      cy.elements().unselect();
      cy.edges().filter(function (e) { return e.data('edgeId') === edge.id; }).select();
    }
  }

  function renderLegend() {
    var lg = $('legend');
    clear(lg);
    var types = {};
    var etypes = {};
    if (cy) {
      cy.nodes().forEach(function (n) { types[n.data('type')] = true; });
      cy.edges().forEach(function (e) { etypes[e.data('type')] = true; });
    }
    var nodes = el('ul', { className: 'legend-list' });
    Object.keys(ENTITY_COLORS).forEach(function (t) {
      nodes.appendChild(el('li', { className: types[t] ? '' : 'unused' }, swatch(ENTITY_COLORS[t], 'dot'), t));
    });
    var edges = el('ul', { className: 'legend-list' });
    PLOVER.forEach(function (t) {
      if (etypes[t]) edges.appendChild(el('li', null, swatch(EDGE_COLORS[t], 'line'), t));
    });
    var styles = el('ul', { className: 'legend-list' },
      el('li', null, el('span', { className: 'ls ls-occurred' }), 'occurred'),
      el('li', null, el('span', { className: 'ls ls-planned' }), 'planned'),
      el('li', null, el('span', { className: 'ls ls-hypothetical' }), 'hypothetical'),
      el('li', null, el('span', { className: 'ls ls-negated' }), '✕ negated'));
    lg.appendChild(el('h3', { text: 'Actors' }));
    lg.appendChild(nodes);
    lg.appendChild(el('h3', { text: 'Interactions' }));
    lg.appendChild(edges.firstChild ? edges : el('p', { className: 'muted', text: 'none' }));
    lg.appendChild(el('h3', { text: 'Status' }));
    lg.appendChild(styles);
  }

  // ---- evidence panel ----------------------------------------------------------------------
  function showEvidence(edge) {
    var box = $('evidence');
    clear(box);
    var ev = edge.evidence || {};
    var when = dateOf(edge);
    var timeText = edge.time && edge.time.text ? edge.time.text : null;
    box.appendChild(el('p', { className: 'ev-head' },
      el('span', { className: 'type' }, swatch(EDGE_COLORS[edge.type] || '#888'), edge.type),
      ' ', statusBadge(edge.status), edge.mode ? el('span', { className: 'muted', text: ' ' + edge.mode }) : null));
    box.appendChild(el('p', { className: 'parties' },
      el('strong', { text: (edge.source || []).join(', ') || '—' }), ' → ',
      el('strong', { text: (edge.target || []).join(', ') || '—' })));
    var dl = el('dl');
    dl.appendChild(el('dt', { text: 'Time' }));
    dl.appendChild(el('dd', { text: (when || 'undated') + (timeText ? ' (“' + timeText + '”)' : '') }));
    if (edge.context) {
      dl.appendChild(el('dt', { text: 'About' }));
      dl.appendChild(el('dd', { className: 'about', text: edge.context.replace(/_/g, ' ') + (edge.topic ? ': “' + edge.topic.text + '”' : '') }));
    }
    if (edge.amount) {
      dl.appendChild(el('dt', { text: 'Amount' }));
      dl.appendChild(el('dd', { className: 'amount', text: edge.amount.value.toLocaleString('en') + ' ' + edge.amount.currency }));
    }
    if (edge.location) { dl.appendChild(el('dt', { text: 'Where' })); dl.appendChild(el('dd', { className: 'where', text: edge.location })); }
    if (ev.published) { dl.appendChild(el('dt', { text: 'Published' })); dl.appendChild(el('dd', { text: ev.published })); }
    if (ev.outlet || ev.author) {
      dl.appendChild(el('dt', { text: 'Source' }));
      dl.appendChild(el('dd', { className: 'outlet', text: [ev.outlet, ev.author ? 'by ' + ev.author : null].filter(Boolean).join(', ') }));
    }
    if (edge.event) {
      var rep = edge.event;
      dl.appendChild(el('dt', { text: 'Reported' }));
      dl.appendChild(el('dd', { className: 'reports',
        text: 'by ' + rep.reports + (rep.reports === 1 ? ' report' : ' reports') + ' in ' + rep.documents + (rep.documents === 1 ? ' article' : ' articles') +
          '; the event is ' + rep.status + (rep.contradicted ? ' (contradicted: a report denies it)' : '') }));
    }
    if (edge.confidence !== undefined && edge.confidence !== null) {
      dl.appendChild(el('dt', { text: 'Confidence' }));
      dl.appendChild(el('dd', { text: String(edge.confidence) }));
    }
    box.appendChild(dl);
    box.appendChild(el('blockquote', { className: 'sentence', text: ev.sentence || '' }));
    var links = el('p', { className: 'links' });
    if (ev.document) {
      var href = '#/document/' + encodeURIComponent(ev.document) + qs({ start: ev.start, end: ev.end });
      links.appendChild(el('a', { href: href, className: 'doc-link', text: 'Open in the article' }));
    }
    if (ev.url && safeHref(ev.url) !== '#') {
      links.appendChild(document.createTextNode(' · '));
      links.appendChild(el('a', { href: ev.url, target: '_blank', rel: 'noopener noreferrer', text: 'source' }));
    }
    box.appendChild(links);
    box.setAttribute('data-edge', edge.id);
  }

  // ---- document view ----------------------------------------------------------------------
  var docSeq = 0;

  /** Append text[a, b) (code-point offsets) to parent, wrapping mentions in <span class="mention">. */
  function appendWithMentions(parent, cps, a, b, mentions) {
    var pos = a;
    mentions.forEach(function (m) {
      var s = Math.max(m.start, a), e = Math.min(m.end, b);
      if (e <= s || s < pos) return;  // outside or overlapping one already drawn
      if (s > pos) parent.appendChild(document.createTextNode(cps.slice(pos, s).join('')));
      var span = el('span', { className: 'mention', 'data-type': m.type, 'data-entity': m.entity_id, title: m.name + ' (' + m.type + ')' },
        cps.slice(s, e).join(''));
      span.style.borderBottomColor = ENTITY_COLORS[m.type] || '#999';
      span.addEventListener('click', function () { location.hash = '#/entity/' + encodeURIComponent(m.entity_id); });
      parent.appendChild(span);
      pos = e;
    });
    if (b > pos) parent.appendChild(document.createTextNode(cps.slice(pos, b).join('')));
  }

  function showDocument(id, start, end) {
    showView('document-view');
    var seq = ++docSeq;
    var article = $('doc-text');
    article.setAttribute('data-state', 'loading');
    return api('/api/documents/' + encodeURIComponent(id)).then(function (doc) {
      if (seq !== docSeq) return;
      $('doc-title').textContent = doc.title || doc.key || doc.id;
      var meta = $('doc-meta');
      clear(meta);
      var said = [doc.outlet, doc.author ? 'by ' + doc.author : null, doc.published ? 'published ' + doc.published : null].filter(Boolean);
      if (said.length) meta.appendChild(document.createTextNode(said.join(' · ')));
      if (doc.url && safeHref(doc.url) !== '#') {
        if (meta.firstChild) meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(el('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer', text: doc.url }));
      }
      $('doc-back').setAttribute('href', currentActor ? '#/entity/' + encodeURIComponent(currentActor) : '#/');
      clear(article);
      var cps = Array.from(doc.text || '');   // offsets count code points (Python str indices)
      var n = cps.length;
      var mentions = (doc.mentions || []).filter(function (m) {
        return m.start >= 0 && m.end <= n && m.end > m.start;
      }).sort(function (x, y) { return x.start - y.start || y.end - x.end; });
      var hasEv = start !== null && end !== null && start >= 0 && end <= n && end > start;
      if (!hasEv) appendWithMentions(article, cps, 0, n, mentions);
      else {
        appendWithMentions(article, cps, 0, start, mentions);
        var mark = el('mark', { className: 'evidence', id: 'evidence-mark' });
        appendWithMentions(mark, cps, start, end, mentions);
        article.appendChild(mark);
        appendWithMentions(article, cps, end, n, mentions);
        mark.scrollIntoView({ block: 'center' });
      }
      article.setAttribute('data-state', 'ready');
      document.title = (doc.title || doc.key || 'document') + ' — newsgraph';
    }).catch(function (e) {
      if (seq !== docSeq) return;
      article.setAttribute('data-state', 'error');
      showMessage(e.message);
    });
  }

  // ---- paste form --------------------------------------------------------------------------
  function initPasteForm() {
    var form = $('paste-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var fd = new FormData(form);
      var body = {};
      ['text', 'title', 'published', 'url'].forEach(function (k) {
        var v = String(fd.get(k) || '');
        if (v.trim()) body[k] = k === 'text' ? v : v.trim();
      });
      if (!body.text && !body.url) { showMessage('Paste some text, or give a URL to fetch.'); return; }
      var out = $('paste-result');
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      clear(out);
      out.setAttribute('data-state', 'loading');
      out.appendChild(el('p', { className: 'muted', text: body.text ? 'Reading…' : 'Fetching and reading…' }));
      api('/api/documents', { method: 'POST', body: body }).then(function (res) {
        clear(out);
        out.appendChild(el('p', null,
          res.created ? 'Added: ' : 'Already stored: ',
          res.entities + ' entities, ' + res.events + ' interactions. ',
          el('a', { href: '#/document/' + encodeURIComponent(res.document_id), text: 'Open the article' })));
        out.setAttribute('data-state', 'ready');
        out.setAttribute('data-document', res.document_id);
        form.reset();
        suggestions = [];
        return route();
      }).catch(function (err) {
        clear(out);
        out.setAttribute('data-state', 'error');
        out.appendChild(el('p', { className: 'error', text: err.message }));
      }).then(function () { button.disabled = false; });
    });
  }

  // ---- filters -----------------------------------------------------------------------------
  function fillFilters() {
    var ts = $('f-type');
    PLOVER.forEach(function (t) { ts.appendChild(el('option', { value: t, text: t })); });
    var ss = $('f-status');
    STATUSES.forEach(function (s) { ss.appendChild(el('option', { value: s, text: s })); });
  }

  function initFilters() {
    var form = $('filters');
    form.addEventListener('change', function () { if (currentActor) showActor(currentActor); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(function () { if (currentActor) showActor(currentActor); }, 0); });
  }

  // The vocabulary's names and colours go into Cytoscape selectors and styles: only plain names and
  // #rrggbb colours are taken.
  var NAME_RE = /^[A-Za-z_]+$/;
  var COLOR_RE = /^#[0-9a-fA-F]{6}$/;

  function loadOntology() {
    return api('/api/ontology').then(function (o) {
      function names(list) { return list.filter(function (t) { return NAME_RE.test(t); }); }
      function colors(terms, into) {
        terms.forEach(function (t) { if (NAME_RE.test(t.name) && COLOR_RE.test(t.color)) into[t.name] = t.color; });
      }
      PLOVER = names(o.event_types.map(function (t) { return t.name; }));
      STATUSES = names(o.statuses);
      colors(o.entity_types, ENTITY_COLORS);
      colors(o.event_types, EDGE_COLORS);
    });
  }

  // The page answers input at once; what draws types (filters, legend, graph) waits for the vocabulary,
  // and goes on without it (empty filters, grey swatches) when it cannot be loaded.
  function init() {
    ready = loadOntology().then(function () { return null; }, function (e) { return e; });
    initSearch();
    initFilters();
    initPasteForm();
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', function () { if (cy && !$('actor-view').hidden) { cy.resize(); } });
    ready.then(function (failure) {
      fillFilters();
      renderLegend();
      return route().then(function () { if (failure) showMessage(failure.message); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
