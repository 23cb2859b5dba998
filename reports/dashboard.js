// fundscope dashboard: filters kept in the URL fragment, every live chart and
// table redrawn from the data embedded by the report (integer yuan, added as
// integers: exact below 2^53, which the report checks), drill-down to the line
// items behind a bar, box or cell, and a CSV and PNG of every chart.
(function () {
  "use strict";
  const tStart = performance.now();
  const D = JSON.parse(document.getElementById("explore-data").textContent);
  const T = D.terms;
  const specs = window.FUNDSCOPE_SPECS || [];
  const LEVELS = ["national", "province", "city", "district"];
  const PHASE_ORDER = ["budgeted", "approved", "contracted", "paid", "unknown"];

  // ---- decoded dimensions ----
  const places = D.places.map((r, i) => ({i, code: r[0], label: r[1], level: r[2], compare: r[3], city: r[4], province: r[5]}));
  const placeByCode = {};
  places.forEach((p) => { placeByCode[p.code] = p; });
  const placeByLabel = {};
  places.forEach((p) => { placeByLabel[p.label] = p; });
  const cats = D.categories.map((r) => ({code: r[0], label: r[1]}));
  const funds = D.funding.map((r) => ({code: r[0], label: r[1]}));
  const regions = D.regions.map((r) => ({code: r[0], label: r[1]}));
  const orgs = D.orgs.map((r) => ({key: r[0], name: r[1]}));
  const catalogs = D.catalogs.map((r) => ({id: r[0], title: r[1], file: r[2]}));

  // ---- the rows every view adds up: the items themselves, or the aggregates ----
  const I = D.items;
  const nItems = I.id ? I.id.length : 0;
  const MONEY = ["firm", "derived", "approx", "cap", "actuals"];
  function fromItems() {
    const F = {p: I.p, y: I.y, ph: I.ph, c: I.c, f: I.f, cv: I.cv, r: I.r, o: I.o, n: [], u: []};
    MONEY.forEach((m) => { F[m] = []; });
    for (let i = 0; i < nItems; i++) {
      const v = I.v[i], kind = D.kinds[I.k[i]];
      const basis = kind === "cap" ? "cap" : kind === "actuals" ? "actuals" : "firm";
      F.n.push(1);
      F.u.push(v === null ? 1 : 0);
      MONEY.forEach((m) => { F[m].push(0); });
      if (v !== null) {
        F[basis][i] = v;
        if (kind === "derived" || kind === "approx") F[kind][i] = v;
      }
    }
    return F;
  }
  function fromFacts() {
    const A = D.facts;
    const F = {p: A.p, y: A.y, ph: A.ph, c: A.c, f: A.f, cv: A.cv, n: A.n, u: A.u, firm: [], derived: [], approx: [], cap: [], actuals: []};
    for (let i = 0; i < A.p.length; i++) {
      F.firm.push((A.fixed[i] || 0) + (A.derived[i] || 0) + (A.approx[i] || 0));
      F.derived.push(A.derived[i] || 0);
      F.approx.push(A.approx[i] || 0);
      F.cap.push(A.cap[i] || 0);
      F.actuals.push(A.actuals[i] || 0);
    }
    return F;
  }
  const F = D.complete ? fromItems() : fromFacts();
  const NF = F.p.length;

  // ---- filter state, kept in the URL fragment ----
  const DIMS = ["level", "place", "year", "phase", "category", "funding", "org"];
  const DIM_ZH = {level: "层级", place: "地区", year: "年份", phase: "阶段", category: "类别", funding: "资金来源", org: "承接机构"};
  let S = {};
  function readHash() {
    const q = new URLSearchParams(location.hash.replace(/^#/, ""));
    S = {};
    DIMS.forEach((d) => { S[d] = q.get(d) || ""; });
  }
  function writeHash() {
    const q = new URLSearchParams();
    DIMS.forEach((d) => { if (S[d]) q.set(d, S[d]); });
    const h = q.toString();
    if (("#" + h) !== location.hash && !(h === "" && location.hash === "")) {
      history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    }
  }

  function inPlace(p, code) { return p.code === code || p.city === code || p.province === code; }
  // matchRow: does row i of a table with columns X (p, y, ph, c?, f?, o?, r?) pass the filters
  // (and the drill-down's extra conditions)? Dimensions a table lacks are not applied.
  function matcher(X, extra) {
    const want = Object.assign({}, S, extra || {});
    const tests = [];
    if (want.level) tests.push((i) => places[X.p[i]].compare === want.level);
    if (want.place) tests.push((i) => inPlace(places[X.p[i]], want.place));
    if (want.placeExact) tests.push((i) => places[X.p[i]].code === want.placeExact);
    if (want.year) tests.push((i) => String(X.y[i]) === want.year);
    if (want.phase) tests.push((i) => D.phases[X.ph[i]] === want.phase);
    if (want.category && X.c) tests.push((i) => cats[X.c[i]].code === want.category);
    if (want.funding && X.f) tests.push((i) => funds[X.f[i]].code === want.funding);
    if (want.org && X.o) tests.push((i) => orgs[X.o[i]].key === want.org);
    if (want.region && X.r) tests.push((i) => regions[X.r[i]].code === want.region);
    return (i) => tests.every((t) => t(i));
  }
  function ignored(X) { // active filters a table cannot apply
    const out = [];
    if (S.category && !X.c) out.push("category");
    if (S.funding && !X.f) out.push("funding");
    if (S.org && !X.o) out.push("org");
    return out;
  }

  // ---- adding up ----
  function acc() { return {n: 0, u: 0, firm: 0, derived: 0, approx: 0, cap: 0, actuals: 0, places: {}}; }
  function add(a, X, i) {
    a.n += X.n[i]; a.u += X.u[i];
    MONEY.forEach((m) => { if (X[m]) a[m] += X[m][i] || 0; });
  }
  function groupBy(X, keyFn, extra) {
    const m = new Map(), ok = matcher(X, extra), n = X.p.length;
    for (let i = 0; i < n; i++) {
      if (!ok(i)) continue;
      const k = keyFn(i);
      if (k === null) continue;
      let a = m.get(k);
      if (!a) { a = acc(); m.set(k, a); }
      add(a, X, i);
    }
    return m;
  }
  const known = (a) => a.n - a.u > 0; // some amount is stated
  const firmOf = (a) => (known(a) ? a.firm : null); // NULL, never 0, when no amount is stated
  const capOf = (a) => (known(a) ? a.cap : null);
  const actualsOf = (a) => (known(a) ? a.actuals : null);
  function basisOf(a) {
    if (!known(a)) return "items";
    if (a.firm > 0) return "firm";
    if (a.cap > 0) return "cap";
    if (a.actuals > 0) return "actuals";
    return "firm";
  }
  function basisValue(a, b) { return b === "items" ? a.n : a[b]; }

  // ---- formatting: 万元 from integer yuan by moving the decimal point ----
  function wan(y) {
    if (y === null || y === undefined) return "—";
    const s = y < 0 ? "-" : "";
    y = Math.abs(y);
    let t = Math.floor(y / 10000) + "." + String(y % 10000).padStart(4, "0");
    t = t.replace(/0+$/, "").replace(/\.$/, "");
    return s + t;
  }
  const wanNum = (y) => (y === null ? "-" : Number(wan(y)));
  function pct(part, whole) { return whole ? Math.round(part * 10000 / whole) / 100 : null; }
  const term = (kind, v) => (T[kind] && T[kind][v]) || v;
  function sortPlaces(list) {
    return list.sort((a, b) => LEVELS.indexOf(a.compare) - LEVELS.indexOf(b.compare) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  function selectedLevels(X) {
    const ok = matcher(X), s = new Set();
    for (let i = 0; i < X.p.length; i++) if (ok(i)) s.add(places[X.p[i]].compare);
    return s;
  }
  function selectedPhases(X) {
    const ok = matcher(X), s = new Set();
    for (let i = 0; i < X.p.length; i++) if (ok(i)) s.add(D.phases[X.ph[i]]);
    return s;
  }
  function placeName(p, levels, phase, phases) {
    let l = p.label;
    if (phases && phases.size > 1 && phase) l += " " + term("phase", phase).split(" ")[0];
    if (levels && levels.size > 1) l += " · " + term("level", p.compare).split(" ")[0];
    return l;
  }

  // roomForLabels tilts the category axis labels when there are many or long
  // ones and lets the grid make room for them.
  function roomForLabels(o, names) {
    const chars = names.reduce((n, s) => n + s.length, 0);
    const ax = o.xAxis[0];
    ax.axisLabel = Object.assign({}, ax.axisLabel, {interval: 0, rotate: chars > 40 ? 30 : 0});
    const g = Array.isArray(o.grid) ? o.grid[0] : o.grid;
    if (g) { g.containLabel = true; g.bottom = 20; }
  }

  // largest keeps the n places with the largest firm totals (then most items)
  // of a result keyed "place|…", in level and name order, and says how many
  // there were: a chart of a hundred places is unreadable and slow to draw.
  function largest(g, n) {
    const tot = new Map();
    g.forEach((a, k) => {
      const p = +String(k).split("|")[0];
      const e = tot.get(p) || {firm: 0, n: 0};
      e.firm += known(a) ? a.firm + a.cap : 0;
      e.n += a.n;
      tot.set(p, e);
    });
    const all = [...tot.keys()];
    const keep = all.sort((a, b) => tot.get(b).firm - tot.get(a).firm || tot.get(b).n - tot.get(a).n).slice(0, n);
    return {places: sortPlaces(keep.map((i) => places[i])), of: all.length,
      note: all.length > n ? `显示金额最大的 ${n} 个地区，共 ${all.length} 个；选择层级或地区可看其余。The ${n} largest of ${all.length} places; choose a level or a place to see the others.` : ""};
  }

  // ---- views: each returns the chart option patch and the table of exactly what it shows ----
  const V = {};
  const col = (h, kind) => ({h, kind: kind || "text"});

  V.place_year = function () {
    const levels = selectedLevels(F), phases = selectedPhases(F);
    const g = groupBy(F, (i) => F.p[i] + "|" + F.y[i] + "|" + F.ph[i]);
    const keys = [...g.keys()].map((k) => k.split("|"));
    const top = largest(g, 30), ps = top.places;
    const pairs = [];
    const phasesOf = new Map(); // place → its phases
    keys.forEach((k) => { if (!phasesOf.has(+k[0])) phasesOf.set(+k[0], new Set()); phasesOf.get(+k[0]).add(+k[2]); });
    ps.forEach((p) => [...phasesOf.get(p.i)].sort((a, b) => PHASE_ORDER.indexOf(D.phases[a]) - PHASE_ORDER.indexOf(D.phases[b])).forEach((ph) => pairs.push([p, ph])));
    const names = pairs.map(([p, ph]) => placeName(p, levels, D.phases[ph], phases));
    const years = [...new Set(keys.map((k) => k[1]))].sort();
    const series = [], drill = [];
    years.forEach((y) => {
      const hasCap = pairs.some(([p, ph]) => { const a = g.get(p.i + "|" + y + "|" + ph); return a && a.cap > 0; });
      [["firm", y], ["cap", y + " 最高资助 caps"]].forEach(([m, name]) => {
        if (m === "cap" && !hasCap) return;
        series.push({name, type: "bar", data: pairs.map(([p, ph]) => { const a = g.get(p.i + "|" + y + "|" + ph); return a ? wanNum(m === "firm" ? firmOf(a) : capOf(a)) : "-"; })});
        drill.push(pairs.map(([p, ph]) => ({placeExact: p.code, year: y, phase: D.phases[ph]})));
      });
    });
    const rows = [], unknown = [];
    pairs.forEach(([p, ph]) => years.forEach((y) => {
      const a = g.get(p.i + "|" + y + "|" + ph);
      if (a) rows.push([p.label, term("level", p.level), y, term("phase", D.phases[ph]), a.n, firmOf(a), a.u, capOf(a), actualsOf(a)]);
      if (a && a.u) unknown.push(`${p.label} ${y}：${a.u} 项未列金额`);
    }));
    return {
      patch: (o) => { o.xAxis[0].data = names; roomForLabels(o, names); o.series = series; o.legend.data = series.map((s) => s.name); o.legend.type = "scroll"; },
      drill: (pr) => drill[pr.seriesIndex] && drill[pr.seriesIndex][pr.dataIndex],
      cols: [col("发布辖区 Place"), col("层级 Level"), col("年份 Year"), col("阶段 Phase"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int"), col("最高资助（万元）Caps", "wan"), col("按实结算（万元）Actual cost", "wan")],
      rows,
      note: [top.note, unknown.length ? unknown.slice(0, 20).join("；") + (unknown.length > 20 ? ` 等 ${unknown.length} 处` : "") + "（items without an amount）。" : ""].filter(Boolean).join(" "),
    };
  };

  function placeYearTotals() {
    const g = groupBy(F, (i) => F.p[i] + "|" + F.y[i]);
    const byPlace = new Map();
    g.forEach((a, k) => {
      const [p, y] = k.split("|");
      if (!byPlace.has(+p)) byPlace.set(+p, {p: places[+p], years: new Map(), total: 0});
      const e = byPlace.get(+p);
      e.years.set(y, a);
      e.total += known(a) ? a.firm : 0;
    });
    const years = [...new Set([...g.keys()].map((k) => k.split("|")[1]))].sort();
    const list = [...byPlace.values()].sort((a, b) => b.total - a.total || (a.p.label < b.p.label ? -1 : 1));
    return {years, list};
  }

  V.trends = function () {
    const {years, list} = placeYearTotals();
    const top = list.slice(0, 12);
    const series = top.map((e) => ({name: e.p.label, type: "line", connectNulls: false, symbolSize: 6,
      data: years.map((y) => (e.years.has(y) ? wanNum(firmOf(e.years.get(y))) : "-"))}));
    const rows = [];
    top.forEach((e) => years.forEach((y) => { const a = e.years.get(y); if (a) rows.push([e.p.label, y, a.n, firmOf(a), a.u, capOf(a)]); }));
    return {
      patch: (o) => { o.xAxis = [{type: "category", data: years}]; o.series = series; o.legend.data = series.map((s) => s.name); },
      drill: (pr) => top[pr.seriesIndex] && {placeExact: top[pr.seriesIndex].p.code, year: years[pr.dataIndex]},
      cols: [col("发布辖区 Place"), col("年份 Year"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int"), col("最高资助（万元）Caps", "wan")],
      rows,
      note: list.length > 12 ? `显示合计最大的 12 个地区，共 ${list.length} 个。The 12 largest of ${list.length} places.` : "",
    };
  };

  V.small_multiples = function () {
    const {years, list} = placeYearTotals();
    const top = list.slice(0, 24), cols = Math.min(4, Math.max(1, top.length)), w = 100 / cols, h = 170;
    let max = 0;
    top.forEach((e) => e.years.forEach((a) => { if (known(a) && a.firm > max) max = a.firm; }));
    const o = {title: [], grid: [], xAxis: [], yAxis: [], series: [], tooltip: {trigger: "axis"}};
    top.forEach((e, k) => {
      const r = Math.floor(k / cols), c = k % cols;
      o.title.push({text: e.p.label, left: (c * w + w / 2) + "%", top: r * h + 4, textAlign: "center", textStyle: {fontSize: 13}});
      o.grid.push({left: (c * w + 4) + "%", width: (w - 7) + "%", top: r * h + 30, height: h - 62, containLabel: true});
      o.xAxis.push({type: "category", gridIndex: k, data: years, axisLabel: {fontSize: 10}});
      o.yAxis.push({type: "value", gridIndex: k, max: niceMax(max / 10000) || null, axisLabel: {fontSize: 10}, splitNumber: 2});
      o.series.push({type: "bar", name: e.p.label, xAxisIndex: k, yAxisIndex: k, data: years.map((y) => (e.years.has(y) ? wanNum(firmOf(e.years.get(y))) : "-"))});
    });
    const rows = [];
    top.forEach((e) => years.forEach((y) => { const a = e.years.get(y); if (a) rows.push([e.p.label, y, a.n, firmOf(a)]); }));
    return {
      replace: o, height: Math.max(1, Math.ceil(top.length / cols)) * h + 10,
      drill: (pr) => top[pr.seriesIndex] && {placeExact: top[pr.seriesIndex].p.code, year: years[pr.dataIndex]},
      cols: [col("发布辖区 Place"), col("年份 Year"), col("条目 Items", "int"), col("合计（万元）Total", "wan")],
      rows,
      note: list.length > 24 ? `显示合计最大的 24 个地区，共 ${list.length} 个。The 24 largest of ${list.length} places.` : "",
    };
  };

  // niceMax rounds a largest value up to two significant digits, for a shared axis.
  function niceMax(v) {
    if (!(v > 0)) return 0;
    const p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    return Math.ceil(v / p) * p;
  }

  function median(xs) {
    if (!xs.length) return null;
    xs.sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 ? xs[m] : Math.round((xs[m - 1] + xs[m]) / 2);
  }
  V.yoy = function () {
    const g = groupBy(F, (i) => F.p[i] + "|" + F.ph[i] + "|" + F.y[i]);
    const meds = new Map();
    if (D.complete) {
      const ok = matcher(F);
      for (let i = 0; i < nItems; i++) {
        const kind = D.kinds[I.k[i]];
        if (!ok(i) || I.v[i] === null || kind === "cap" || kind === "actuals") continue;
        const k = F.p[i] + "|" + F.ph[i] + "|" + F.y[i];
        if (!meds.has(k)) meds.set(k, []);
        meds.get(k).push(I.v[i]);
      }
    }
    const keys = [...g.keys()].map((k) => k.split("|"));
    keys.sort((a, b) => LEVELS.indexOf(places[+a[0]].compare) - LEVELS.indexOf(places[+b[0]].compare) || (places[+a[0]].label < places[+b[0]].label ? -1 : places[+a[0]].label > places[+b[0]].label ? 1 : 0) || a[1] - b[1] || a[2] - b[2]);
    const rows = [];
    let prev = null;
    keys.forEach((k) => {
      const a = g.get(k.join("|")), p = places[+k[0]];
      const same = prev && prev.k[0] === k[0] && prev.k[1] === k[1];
      const t = firmOf(a), pt = same ? firmOf(prev.a) : null;
      const ch = t !== null && pt !== null ? t - pt : null;
      rows.push([p.label, term("level", p.compare), term("phase", D.phases[+k[1]]), k[2], t, same ? prev.k[2] : "", pt, ch, ch !== null ? pct(ch, pt) : null, a.n, a.u,
        D.complete ? median(meds.get(k.join("|")) || []) : null]);
      prev = {k, a};
    });
    return {
      cols: [col("发布辖区 Place"), col("层级 Level"), col("阶段 Phase"), col("年份 Year"), col("合计（万元）Total", "wan"), col("上一年份 Previous year"), col("上年合计（万元）Previous", "wan"),
        col("变化（万元）Change", "wan"), col("变化 % Change", "pct"), col("条目 Items", "int"), col("未列金额条目 Unknown", "int"), col("中位数（万元）Median item", "wan")],
      rows,
      note: D.complete ? "" : "明细太多未全部嵌入，中位数不可得：用 fundscope query line_items 导出后计算。Medians need every line item, which this page does not hold at this scale.",
    };
  };

  V.category_mix = function () {
    const levels = selectedLevels(F), phases = selectedPhases(F);
    const gp = groupBy(F, (i) => F.p[i] + "|" + F.ph[i]);
    const gc = groupBy(F, (i) => F.p[i] + "|" + F.ph[i] + "|" + F.c[i]);
    const phasesOf = new Map(); // place → its phases
    gp.forEach((a, k) => { const [p, ph] = k.split("|").map(Number); if (!phasesOf.has(p)) phasesOf.set(p, []); phasesOf.get(p).push(ph); });
    const top = largest(gp, 30);
    const pairs = top.places.flatMap((p) => phasesOf.get(p.i).map((ph) => [p, ph]));
    const catIdx = [...new Set([...gc.keys()].map((k) => +k.split("|")[2]))];
    const basis = pairs.map(([p, ph]) => basisOf(gp.get(p.i + "|" + ph)));
    const names = pairs.map(([p, ph], j) => placeName(p, levels, D.phases[ph], phases) + (basis[j] === "firm" ? "" : basis[j] === "items" ? "（按条目数 by count）" : "（" + term("basis", basis[j]) + "）"));
    const rows = [];
    const series = catIdx.map((c) => ({name: cats[c].label, type: "bar", stack: "share", data: pairs.map(([p, ph], j) => {
      const a = gc.get(p.i + "|" + ph + "|" + c), whole = gp.get(p.i + "|" + ph);
      if (!a) return 0;
      const share = pct(basisValue(a, basis[j]), basisValue(whole, basis[j]));
      return share === null ? 0 : share;
    })}));
    pairs.forEach(([p, ph], j) => catIdx.forEach((c) => {
      const a = gc.get(p.i + "|" + ph + "|" + c), whole = gp.get(p.i + "|" + ph);
      if (a) rows.push([p.label, term("phase", D.phases[ph]), cats[c].label, a.n, firmOf(a), capOf(a), a.u, term("basis", basis[j]) === "items" ? "条目数 item count" : term("basis", basis[j]), pct(basisValue(a, basis[j]), basisValue(whole, basis[j]))]);
    }));
    return {
      patch: (o) => { o.xAxis[0].data = names; roomForLabels(o, names); o.series = series; o.legend.data = series.map((s) => s.name); },
      drill: (pr) => pairs[pr.dataIndex] && {placeExact: pairs[pr.dataIndex][0].code, phase: D.phases[pairs[pr.dataIndex][1]], category: cats[catIdx[pr.seriesIndex]].code},
      cols: [col("发布辖区 Place"), col("阶段 Phase"), col("类别 Category"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("最高资助（万元）Caps", "wan"), col("未列金额条目 Unknown", "int"), col("口径 Basis"), col("占比 Share %", "pct")],
      rows,
      note: top.note,
    };
  };

  V.category_years = function () {
    const gy = groupBy(F, (i) => F.y[i]);
    const gc = groupBy(F, (i) => F.y[i] + "|" + F.c[i]);
    const years = [...gy.keys()].map(String).sort();
    const catIdx = [...new Set([...gc.keys()].map((k) => +k.split("|")[1]))];
    const basis = years.map((y) => basisOf(gy.get(+y) || gy.get(y)));
    const yearAcc = (y) => gy.get(+y) || gy.get(y);
    const series = catIdx.map((c) => ({name: cats[c].label, type: "bar", stack: "share", data: years.map((y, j) => {
      const a = gc.get(y + "|" + c);
      return a ? (pct(basisValue(a, basis[j]), basisValue(yearAcc(y), basis[j])) || 0) : 0;
    })}));
    const rows = [];
    years.forEach((y, j) => catIdx.forEach((c) => {
      const a = gc.get(y + "|" + c);
      if (a) rows.push([y, cats[c].label, a.n, firmOf(a), a.u, basis[j] === "items" ? "条目数 item count" : term("basis", basis[j]), pct(basisValue(a, basis[j]), basisValue(yearAcc(y), basis[j]))]);
    }));
    return {
      patch: (o) => { o.xAxis = [{type: "category", data: years.map((y, j) => y + (basis[j] === "firm" ? "" : basis[j] === "items" ? "（按条目数）" : "（" + term("basis", basis[j]) + "）"))}]; o.series = series; o.legend.data = series.map((s) => s.name); },
      drill: (pr) => ({year: years[pr.dataIndex], category: cats[catIdx[pr.seriesIndex]].code}),
      cols: [col("年份 Year"), col("类别 Category"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int"), col("口径 Basis"), col("占比 Share %", "pct")],
      rows,
    };
  };

  V.funding = function () {
    const levels = selectedLevels(F);
    const gp = groupBy(F, (i) => F.p[i] + "|" + F.y[i] + "|" + F.ph[i]);
    const gf = groupBy(F, (i) => F.p[i] + "|" + F.y[i] + "|" + F.ph[i] + "|" + F.f[i]);
    const nodes = [], rows = [], missing = [];
    const top = largest(gp, 12), keep = new Set(top.places.map((p) => p.i));
    const keys = [...gp.keys()].map((k) => k.split("|")).filter((k) => keep.has(+k[0])).sort((a, b) => LEVELS.indexOf(places[+a[0]].compare) - LEVELS.indexOf(places[+b[0]].compare) || (places[+a[0]].label < places[+b[0]].label ? -1 : places[+a[0]].label > places[+b[0]].label ? 1 : 0) || a[1] - b[1]);
    const children = new Map(); // place|year|phase → its funding keys
    gf.forEach((a, x) => {
      const parent = x.slice(0, x.lastIndexOf("|"));
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(x);
    });
    keys.forEach((k) => {
      const p = places[+k[0]], whole = gp.get(k.join("|")), b = basisOf(whole);
      const name = placeName(p, levels) + " " + k[1] + (b === "firm" || b === "items" ? "" : "（" + term("basis", b) + "）");
      const node = {name, children: []};
      (children.get(k.join("|")) || []).forEach((x) => {
        const fi = +x.split("|")[3], a = gf.get(x);
        rows.push([p.label, k[1], term("phase", D.phases[+k[2]]), funds[fi].label, a.n, firmOf(a), a.u, capOf(a), b === "items" ? "条目数 item count" : term("basis", b), b === "items" ? null : pct(a[b], whole[b])]);
        if (b !== "items" && a[b] > 0) node.children.push({name: funds[fi].label, value: a[b], drill: {placeExact: p.code, year: k[1], phase: D.phases[+k[2]], funding: funds[fi].code}});
      });
      if (node.children.length) nodes.push(node); else missing.push(name);
    });
    return {
      patch: (o) => { o.series[0].data = nodes; },
      drill: (pr) => pr.data && pr.data.drill,
      cols: [col("发布辖区 Place"), col("年份 Year"), col("阶段 Phase"), col("资金来源 Funding"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int"), col("最高资助（万元）Caps", "wan"), col("口径 Basis"), col("占比 Share %", "pct")],
      rows,
      note: [top.note, missing.length ? "无金额、未绘出 Not drawn (no amounts): " + missing.join("、") : ""].filter(Boolean).join(" "),
    };
  };

  V.regions = function () {
    const X = D.complete ? F : fromRegionFacts();
    const g = groupBy(X, (i) => X.p[i] + "|" + X.r[i]);
    const list = [];
    g.forEach((a, k) => {
      const [pi, ri] = k.split("|").map(Number), p = places[pi], r = regions[ri];
      const b = basisOf(a);
      let label;
      if (r.code === p.code) label = p.label + (p.level === "province" ? "（全省 province-wide）" : p.level === "city" ? "（全市 city-wide）" : "（全区县 district-wide）");
      else label = p.label + "·" + r.label;
      list.push({p, r, a, b, label, v: b === "items" ? 0 : a[b]});
    });
    list.sort((x, y) => y.v - x.v || (x.label < y.label ? -1 : 1));
    const shown = list.filter((e) => e.v > 0).slice(0, 15).reverse();
    const rows = list.map((e) => [e.p.label, e.r.label, e.label, e.a.n, firmOf(e.a), e.a.u, capOf(e.a), e.b === "items" ? "条目数 item count" : term("basis", e.b)]);
    return {
      patch: (o) => {
        o.yAxis[0].data = shown.map((e) => e.label + (e.b === "firm" ? "" : "（" + term("basis", e.b) + "）"));
        o.series[0].data = shown.map((e) => wanNum(e.v));
      },
      height: 40 + 26 * shown.length + 100,
      drill: (pr) => shown[pr.dataIndex] && {placeExact: shown[pr.dataIndex].p.code, region: shown[pr.dataIndex].r.code},
      cols: [col("发布辖区 Place"), col("实施地区 Region"), col("显示为 Shown as"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int"), col("最高资助（万元）Caps", "wan"), col("口径 Basis")],
      rows,
      ignored: ignored(X),
    };
  };
  function fromRegionFacts() {
    const A = D.regionFacts;
    return {p: A.p, y: A.y, ph: A.ph, r: A.r, n: A.n, u: A.u, firm: A.firm.map((v) => v || 0), cap: A.cap.map((v) => v || 0), actuals: A.actuals.map((v) => v || 0)};
  }

  V.coverage = function () {
    const g = groupBy(F, (i) => F.p[i] + "|" + F.y[i]);
    const keys = [...g.keys()].map((k) => k.split("|"));
    const top = largest(g, 40), ps = top.places;
    const years = [...new Set(keys.map((k) => k[1]))].sort();
    let max = 1;
    const data = [], rows = [];
    ps.forEach((p, yi) => years.forEach((y, xi) => {
      const a = g.get(p.i + "|" + y);
      if (a) {
        max = Math.max(max, a.n);
        data.push([xi, yi, a.n]);
        rows.push([p.label, y, a.n, firmOf(a), a.u]);
      } else {
        data.push([xi, yi, "-"]);
      }
    }));
    return {
      patch: (o) => { o.xAxis[0].data = years; o.yAxis[0].data = ps.map((p) => p.label); o.series[0].data = data; o.visualMap[0].max = max; },
      height: 120 + 50 * ps.length,
      drill: (pr) => pr.data && pr.data[2] !== "-" && {placeExact: ps[pr.data[1]].code, year: years[pr.data[0]]},
      cols: [col("发布辖区 Place"), col("年份 Year"), col("条目 Items", "int"), col("合计（万元）Total", "wan"), col("未列金额条目 Unknown", "int")],
      rows,
      note: top.note,
    };
  };

  // ---- rendering ----
  const built = {};
  const timings = window.fundscopeTimings = {}; // ms per part of the last redraw, for the benchmark
  const charts = {}; // id → ECharts instance
  function esc(s) { return String(s).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c])); }
  function cellText(v, kind) {
    if (v === null || v === undefined || v === "") return kind === "text" ? "" : "—";
    if (kind === "wan") return wan(v);
    return String(v);
  }
  function renderTable(table, cols, rows) {
    table.tHead.innerHTML = "<tr>" + cols.map((c) => "<th>" + esc(c.h) + "</th>").join("") + "</tr>";
    const body = rows.map((r) => "<tr>" + r.map((v, j) => {
      const k = cols[j].kind;
      return "<td" + (k === "text" ? "" : " class=\"num\"") + ">" + esc(cellText(v, k)) + "</td>";
    }).join("") + "</tr>");
    table.tBodies[0].innerHTML = body.join("");
  }
  function sectionOf(id) { return document.querySelector("section[data-live=\"" + id + "\"]"); }

  // render redraws the live views. Layout is read once: every chart's height
  // is set first, the charts are resized and drawn, and only then are the
  // tables written (reading a size after writing a table would lay the whole
  // page out again, once per chart).
  function render(ids) {
    const vs = {};
    ids.forEach((id) => {
      const tv = performance.now();
      vs[id] = V[id]();
      timings[id + ".data"] = performance.now() - tv;
      built[id] = vs[id];
    });
    const resized = [];
    ids.forEach((id) => {
      const el = charts[id] && document.getElementById("chart-" + id);
      if (el && vs[id].height && el.style.height !== vs[id].height + "px") {
        el.style.height = vs[id].height + "px";
        resized.push(id);
      }
    });
    resized.forEach((id) => charts[id].resize());
    ids.forEach((id) => {
      const v = vs[id], spec = specs.find((s) => s.id === id);
      if (!spec || !charts[id]) return;
      const tc = performance.now();
      let o;
      if (v.replace) {
        o = Object.assign({textStyle: spec.option.textStyle, animation: false}, v.replace);
      } else {
        o = JSON.parse(JSON.stringify(spec.option));
        if (!o.legend) o.legend = {};
        v.patch(o);
      }
      charts[id].setOption(o, true);
      timings[id + ".chart"] = performance.now() - tc;
    });
    ids.forEach((id) => {
      const v = vs[id], sec = sectionOf(id);
      if (!sec) return;
      const table = sec.querySelector("details.data table");
      renderTable(table, v.cols, v.rows);
      sec.querySelector(".nrows").textContent = v.rows.length;
      const fn = sec.querySelector(".filter-note");
      const parts = [];
      if (v.note) parts.push(v.note);
      if (v.ignored && v.ignored.length) parts.push("此图不随" + v.ignored.map((d) => DIM_ZH[d]).join("、") + "筛选。" + D.notes.regionPartial);
      if (v.rows.length === 0) parts.push("所选范围内没有数据。Nothing matches the selection.");
      fn.hidden = !parts.length;
      fn.textContent = parts.join(" ");
    });
  }

  function figures() {
    const g = groupBy(F, (i) => D.phases[F.ph[i]]);
    const inSel = new Set(), ok = matcher(F), years = new Set(), levels = {};
    for (let i = 0; i < NF; i++) if (ok(i)) { inSel.add(places[F.p[i]].code); years.add(F.y[i]); }
    inSel.forEach((c) => { const l = placeByCode[c].compare; levels[l] = (levels[l] || 0) + 1; });
    const overlap = new Map();
    for (let i = 0; i < NF; i++) {
      if (!ok(i) || !F.cv[i] || !inSel.has(F.cv[i])) continue;
      const ph = D.phases[F.ph[i]];
      overlap.set(ph, (overlap.get(ph) || 0) + F.firm[i]);
    }
    const phases = [...g.keys()].sort((a, b) => PHASE_ORDER.indexOf(a) - PHASE_ORDER.indexOf(b));
    let n = 0, u = 0;
    const out = [];
    phases.forEach((ph) => {
      const a = g.get(ph), ov = overlap.get(ph) || 0;
      n += a.n; u += a.u;
      let note = `另有最高资助 caps ${wan(a.cap)} 万元、按实结算 actual cost ${wan(a.actuals)} 万元，未计入合计 (not in the total)`;
      if (a.derived) note += `；合计含共享金额 shared ${wan(a.derived)} 万元`;
      if (a.approx) note += `；合计含约数 approximate ${wan(a.approx)} 万元`;
      if (ov) note += `；区县目录中已由市级目录列出的 ${wan(ov)} 万元只计一次 (counted once)`;
      out.push([phases.length > 1 ? "资金总额 · " + term("phase", ph) : "资金总额 Total", (known(a) ? wan(a.firm - ov) : "—") + " 万元", note]);
    });
    const lv = [["province", "省级"], ["city", "市级"], ["district", "区县级"]].filter(([k]) => levels[k]).map(([k, zh]) => zh + " " + levels[k]).join("，");
    const ys = [...years].sort();
    out.push(["项目条目 Line items", String(n), D.complete ? new Set(I.cat.filter((_, i) => ok(i))).size + " 份目录 catalogs" : "共 " + D.itemsAll + " 项已载入 loaded"]);
    out.push(["地区 Places", String(inSel.size), lv]);
    out.push(["年份 Years", String(years.size), ys.length ? ys[0] + "–" + ys[ys.length - 1] : ""]);
    out.push(["未列金额 Unknown amount", u + " 项", "未列金额的条目不计入合计 items without a stated amount, not summed"]);
    document.getElementById("figures").innerHTML = out.map((f) => `<div class="figure"><div class="label">${esc(f[0])}</div><div class="value">${esc(f[1])}</div><div class="note">${esc(f[2])}</div></div>`).join("");
  }

  // Tables of the report's own sections: rows are shown or hidden by the values they carry.
  function filterStaticTables() {
    document.querySelectorAll("section[data-dims]").forEach((sec) => {
      const dims = (sec.getAttribute("data-dims") || "").split(",").filter(Boolean);
      let shown = 0, total = 0;
      sec.querySelectorAll("tr[data-f]").forEach((tr) => {
        const f = JSON.parse(tr.getAttribute("data-f"));
        total++;
        const p = placeByLabel[f.place];
        let ok = true;
        if (S.level && f.place !== undefined) ok = ok && !!p && p.compare === S.level;
        if (S.place && f.place !== undefined) ok = ok && !!p && inPlace(p, S.place);
        if (S.year && f.year !== undefined) ok = ok && f.year === S.year;
        if (S.phase && f.phase !== undefined) ok = ok && f.phase === S.phase;
        if (S.category && f.category !== undefined) { const c = cats.find((x) => x.code === S.category); ok = ok && !!c && (f.category === c.code || f.category === c.label); }
        if (S.funding && f.funding !== undefined) { const c = funds.find((x) => x.code === S.funding); ok = ok && !!c && (f.funding === c.code || f.funding === c.label); }
        if (S.org && f.org !== undefined) { const c = orgs.find((x) => x.key === S.org); ok = ok && !!c && (f.org === c.key || f.org === c.name); }
        tr.classList.toggle("hidden-by-filter", !ok);
        if (ok) shown++;
      });
      const nr = sec.querySelector(".nrows");
      if (nr) nr.textContent = shown === total ? String(total) : shown + " / " + total;
      const miss = DIMS.filter((d) => S[d] && d !== "level" && !dims.includes(d === "level" ? "place" : d));
      if (S.level && !dims.includes("place")) miss.unshift("level");
      const fn = sec.querySelector(".filter-note");
      if (fn) {
        fn.hidden = !miss.length;
        fn.textContent = miss.length ? "此表不随" + miss.map((d) => DIM_ZH[d]).join("、") + "筛选（表中没有这一项）。This table does not follow the " + miss.join(", ") + " filter." : "";
      }
    });
  }

  function selectionText() {
    const parts = [];
    if (S.level) parts.push(term("level", S.level));
    if (S.place) parts.push((placeByCode[S.place] || {label: S.place}).label + "（含下级 and below）");
    if (S.year) parts.push(S.year);
    if (S.phase) parts.push(term("phase", S.phase));
    if (S.category) parts.push((cats.find((c) => c.code === S.category) || {label: S.category}).label);
    if (S.funding) parts.push((funds.find((c) => c.code === S.funding) || {label: S.funding}).label);
    if (S.org) parts.push((orgs.find((c) => c.key === S.org) || {name: S.org}).name);
    return parts;
  }
  function slug() { const p = selectionText(); return p.length ? p.join("_").replace(/[\\/:*?"<>|\s（）()]+/g, "-") : "全部"; }

  function renderAll() {
    writeHash();
    DIMS.forEach((d) => { const s = document.querySelector("select[data-filter=\"" + d + "\"]"); if (s) s.value = S[d]; });
    const sel = selectionText();
    const scope = D.scope.place || D.scope.year ? "报告范围 Report scope: " + [D.scope.place, D.scope.year || ""].filter(Boolean).join(" · ") + " · " : "";
    document.getElementById("selection").textContent = scope + (sel.length ? "筛选 Showing: " + sel.join(" · ") : "全部已载入目录 All loaded catalogs");
    const notes = [];
    if (!D.complete) notes.push(D.notes.partial);
    if (!D.complete && S.org) notes.push(D.notes.orgPartial);
    const sn = document.getElementById("scale-note");
    sn.hidden = !notes.length;
    sn.textContent = notes.join(" ");
    const t0 = performance.now();
    figures();
    timings.figures = performance.now() - t0;
    // The views a reader can see now are drawn at once; the others one by one
    // after the first frame, so that a large page shows its top quickly.
    const tv = performance.now(), ids = Object.keys(V), gen = ++generation;
    const near = ids.filter((id) => { const sec = sectionOf(id); return sec && sec.getBoundingClientRect().top < 1.5 * innerHeight; });
    const later = ids.filter((id) => !near.includes(id));
    ids.forEach((id) => { delete built[id]; });
    document.body.removeAttribute("data-charts-ready");
    render(near);
    timings.views = performance.now() - tv;
    const next = () => {
      if (gen !== generation) return; // a newer selection is being drawn
      const id = later.shift();
      if (id) { render([id]); setTimeout(next, 0); return; }
      timings.allDrawn = performance.now();
      document.body.setAttribute("data-charts-ready", String(specs.length));
    };
    requestAnimationFrame(() => setTimeout(next, 0));
    const t1 = performance.now();
    filterStaticTables();
    timings.tables = performance.now() - t1;
    if (drillSpec) drill(drillSpec);
  }

  let generation = 0;
  // view gives the last drawing of a live view, drawing it first if it is still waiting.
  function view(id) {
    if (!built[id] && V[id]) render([id]);
    return built[id];
  }

  // ---- drill-down ----
  let drillSpec = null;
  const DRILL_MAX = 500;
  function drill(spec) {
    drillSpec = spec;
    const panel = document.getElementById("drill");
    const ok = matcher(I, spec);
    const idx = [];
    for (let i = 0; i < nItems; i++) if (ok(i)) idx.push(i);
    idx.sort((a, b) => (I.v[b] === null ? -1 : I.v[b]) - (I.v[a] === null ? -1 : I.v[a]));
    let total = idx.length;
    if (!D.complete) { // the aggregates know how many there are
      const X = spec.region ? fromRegionFacts() : F;
      const okAll = matcher(X, spec);
      total = 0;
      for (let i = 0; i < X.p.length; i++) if (okAll(i)) total += X.n[i];
    }
    const shown = idx.slice(0, DRILL_MAX);
    const rows = shown.map((i) => {
      const c = catalogs[I.cat[i]], p = places[I.p[i]];
      return [I.name[i], orgs[I.o[i]].name, p.label, I.y[i], term("phase", D.phases[I.ph[i]]), cats[I.c[i]].label, funds[I.f[i]].label, regions[I.r[i]].label, I.v[i], I.text[i] || "", term("kind", D.kinds[I.k[i]]), c.title, c.file + " " + (I.loc[i] || "")];
    });
    const cols = [col("项目 Item"), col("承接机构 Organization"), col("发布辖区 Place"), col("年份 Year"), col("阶段 Phase"), col("类别 Category"), col("资金来源 Funding"), col("实施地区 Region"),
      col("金额（万元）Amount", "wan"), col("原文 As printed"), col("类型 Kind"), col("目录 Catalog"), col("来源 Source")];
    built.drill = {cols, rows};
    renderTable(document.getElementById("drill-table"), cols, rows);
    const what = [];
    if (spec.placeExact) what.push(placeByCode[spec.placeExact].label);
    if (spec.year) what.push(spec.year);
    if (spec.phase) what.push(term("phase", spec.phase));
    if (spec.category) what.push(cats.find((c) => c.code === spec.category).label);
    if (spec.funding) what.push(funds.find((c) => c.code === spec.funding).label);
    if (spec.region) what.push(regions.find((c) => c.code === spec.region).label);
    const sel = selectionText().filter((x) => !(spec.placeExact && S.place && x.startsWith(placeByCode[S.place] ? placeByCode[S.place].label : S.place)));
    document.getElementById("drill-title").textContent = "明细 Line items · " + what.concat(sel).join(" · ");
    const place = spec.placeExact || S.place, year = spec.year || S.year, cat = spec.category || S.category;
    const cmd = "fundscope query line_items" + (place ? " --place " + place : D.scope.place ? " --place " + D.scope.place : "") + (year ? " --year " + year : "") + (cat ? " --category " + cat : "") + " --format csv > items.csv";
    let note = shown.length < total
      ? `显示最大的 ${shown.length} 项，共 ${total} 项；其余 ${total - shown.length} 项可导出：Showing the largest ${shown.length} of ${total} line items; export them all with `
      : `共 ${total} 项。${total} line items; export them with `;
    document.getElementById("drill-note").innerHTML = esc(note) + "<span class=\"cmd\">" + esc(cmd) + "</span>" + esc("（--place 也包括其下级地区 also takes the places inside it）");
    panel.hidden = false;
    panel.setAttribute("data-rows", String(rows.length));
    panel.setAttribute("data-total", String(total));
    panel.setAttribute("data-spec", JSON.stringify(spec, (k, v) => (k === "from" ? undefined : v)));
    const from = spec.from && sectionOf(spec.from);
    if (from && panel.previousElementSibling !== from) from.after(panel);
  }

  // ---- downloads ----
  function download(name, href) {
    const a = document.createElement("a");
    a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function csvOf(v) {
    const q = (s) => (/[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s);
    const head = [];
    v.cols.forEach((c) => { head.push(c.h); if (c.kind === "wan") head.push(c.h.replace(/（万元）/, "（元）") + " yuan"); });
    const lines = [head.map(q).join(",")];
    v.rows.forEach((r) => {
      const out = [];
      r.forEach((x, j) => {
        const k = v.cols[j].kind;
        out.push(q(cellText(x, k).replace(/^—$/, "")));
        if (k === "wan") out.push(x === null || x === undefined ? "" : String(x));
      });
      lines.push(out.join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  window.fundscopeCSV = (id) => (view(id) ? csvOf(view(id)) : null); // for tests and the console

  // ---- start ----
  function fillSelect(dim, options) {
    const s = document.querySelector("select[data-filter=\"" + dim + "\"]");
    s.innerHTML = "<option value=\"\">全部 All</option>" + options.map((o) => o.group !== undefined
      ? "<optgroup label=\"" + esc(o.group) + "\">" + o.items.map((x) => "<option value=\"" + esc(x[0]) + "\">" + esc(x[1]) + "</option>").join("") + "</optgroup>"
      : "<option value=\"" + esc(o[0]) + "\">" + esc(o[1]) + "</option>").join("");
    s.addEventListener("change", () => { S[dim] = s.value; drillSpec = null; document.getElementById("drill").hidden = true; renderAll(); });
  }
  function start() {
    timings.scriptStart = tStart;
    timings.decoded = performance.now() - tStart;
    readHash();
    const present = (X, key) => { const s = new Set(); for (let i = 0; i < X.p.length; i++) s.add(key(i)); return s; };
    const lv = present(F, (i) => places[F.p[i]].compare);
    fillSelect("level", LEVELS.filter((l) => lv.has(l)).map((l) => [l, term("level", l)]));
    const usedPlaces = sortPlaces([...present(F, (i) => F.p[i])].map((i) => places[i]));
    fillSelect("place", LEVELS.filter((l) => lv.has(l)).map((l) => ({group: term("level", l), items: usedPlaces.filter((p) => p.compare === l).map((p) => [p.code, p.label])})));
    fillSelect("year", [...present(F, (i) => F.y[i])].sort().map((y) => [String(y), String(y)]));
    fillSelect("phase", PHASE_ORDER.filter((p) => D.phases.includes(p)).map((p) => [p, term("phase", p)]));
    fillSelect("category", [...present(F, (i) => F.c[i])].map((i) => [cats[i].code, cats[i].label]));
    fillSelect("funding", [...present(F, (i) => F.f[i])].map((i) => [funds[i].code, funds[i].label]));
    const orgTotals = new Map();
    for (let i = 0; i < nItems; i++) if (orgs[I.o[i]].key) orgTotals.set(I.o[i], (orgTotals.get(I.o[i]) || 0) + (I.v[i] || 0));
    fillSelect("org", [...orgTotals.keys()].sort((a, b) => orgTotals.get(b) - orgTotals.get(a)).slice(0, 500).map((i) => [orgs[i].key, orgs[i].name]));
    document.getElementById("reset").addEventListener("click", () => { DIMS.forEach((d) => { S[d] = ""; }); drillSpec = null; document.getElementById("drill").hidden = true; renderAll(); });
    document.getElementById("drill-close").addEventListener("click", () => { drillSpec = null; document.getElementById("drill").hidden = true; });
    document.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-csv], button[data-png]");
      if (!b) return;
      const id = b.getAttribute("data-csv") || b.getAttribute("data-png");
      if (b.hasAttribute("data-csv") && view(id)) {
        download("fundscope-" + id + "-" + slug() + ".csv", URL.createObjectURL(new Blob([csvOf(view(id))], {type: "text/csv;charset=utf-8"})));
      } else if (charts[id]) {
        download("fundscope-" + id + "-" + slug() + ".png", charts[id].getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"}));
      }
    });
    specs.forEach((s) => {
      const el = document.getElementById("chart-" + s.id);
      const c = echarts.init(el, null, {renderer: "canvas"});
      charts[s.id] = c;
      if (!s.live) c.setOption(s.option);
      c.on("click", (pr) => {
        const v = built[s.id];
        const spec = v && v.drill && v.drill(pr);
        if (spec) drill(Object.assign({from: s.id}, spec));
      });
      window.addEventListener("resize", () => c.resize());
    });
    window.addEventListener("hashchange", () => { readHash(); renderAll(); });
    timings.setup = performance.now() - tStart;
    renderAll();
    // The time from navigation to the first frame painted, for the benchmark.
    requestAnimationFrame(() => setTimeout(() => document.body.setAttribute("data-painted-ms", String(Math.round(performance.now())))));
  }
  start();
})();
