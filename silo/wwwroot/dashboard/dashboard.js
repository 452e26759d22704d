// OnlineRecs live training page: polls /dashboard/data and draws its own canvas charts.
"use strict";

(() => {
  const DATA_URL = "/dashboard/data";
  const POLL_INTERVAL_MS = 1000;
  const POLL_TIMEOUT_MS = 3000;
  const MAX_POINTS = 300;
  const HISTORY_RETRAINS = 8;
  const PALETTE = ["#4e9cf5", "#f5a04e", "#5ccf8a", "#e0607e", "#b48cf2", "#e6d25a", "#4fd1d9", "#c9c9c9"];

  // ---------- formatting ----------

  const formatters = new Map();
  function formatNumber(value, digits = 0) {
    if (value == null || !Number.isFinite(value)) return "—";
    if (!formatters.has(digits)) {
      formatters.set(digits, new Intl.NumberFormat(undefined, { minimumFractionDigits: 0, maximumFractionDigits: digits }));
    }
    return formatters.get(digits).format(value);
  }

  // Picks a sensible number of decimals from the magnitude.
  function formatAuto(value) {
    if (value == null || !Number.isFinite(value)) return "—";
    const abs = Math.abs(value);
    return formatNumber(value, abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 4);
  }

  const formatPercent = (value) => (value == null || !Number.isFinite(value) ? "—" : formatNumber(value * 100, 2) + "%");

  function formatSeconds(seconds) {
    if (seconds == null || !Number.isFinite(seconds)) return "—";
    if (seconds < 60) return formatNumber(seconds, 1) + " s";
    const m = Math.floor(seconds / 60);
    const s = Math.floor(seconds % 60);
    return `${formatNumber(m)}m ${String(s).padStart(2, "0")}s`;
  }

  const formatClock = (ms) => new Date(ms).toLocaleTimeString(undefined, { hour12: false });

  const isNumber = (v) => typeof v === "number" && Number.isFinite(v);

  // ---------- chart ----------

  /**
   * A small line chart on a canvas. Each series is {label, color, points: [{x, y}]};
   * a point with y === null breaks the line and is not drawn.
   * Options: xKind "time" (x in ms) or "epoch"; yMin to include in the y range; step for step lines;
   * format for y labels.
   */
  class LineChart {
    constructor(canvas, { labels = [], xKind = "time", yMin = null, step = false, format = formatAuto } = {}) {
      this.canvas = canvas;
      this.xKind = xKind;
      this.yMin = yMin;
      this.step = step;
      this.format = format;
      this.series = labels.map((label, i) => ({ label, color: PALETTE[i % PALETTE.length], points: [] }));
      new ResizeObserver(() => this.draw()).observe(canvas);
    }

    /** Appends one point per series at x (values[i] may be null: a gap), keeping at most MAX_POINTS. */
    append(x, values) {
      this.series.forEach((s, i) => {
        const y = isNumber(values[i]) ? values[i] : null;
        const last = s.points[s.points.length - 1];
        if (y === null && (!last || last.y === null)) return; // no leading or repeated gaps
        s.points.push({ x, y });
        if (s.points.length > MAX_POINTS) s.points.splice(0, s.points.length - MAX_POINTS);
      });
    }

    /** Breaks every line at x, e.g. while the silo is unreachable. */
    gap(x) {
      this.append(x, this.series.map(() => null));
    }

    /** Replaces all series: [{label, color?, points}]. */
    setSeries(series) {
      this.series = series.map((s, i) => ({ color: PALETTE[i % PALETTE.length], ...s }));
    }

    draw() {
      const canvas = this.canvas;
      const dpr = window.devicePixelRatio || 1;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const ctx = canvas.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = "11px system-ui, sans-serif";

      const drawn = this.series.flatMap((s) => s.points.filter((p) => p.y !== null));
      const firstDrawn = this.series.length ? this.series[0].points.filter((p) => p.y !== null) : [];
      canvas.dataset.points = String(drawn.length);
      canvas.dataset.last = firstDrawn.length ? String(firstDrawn[firstDrawn.length - 1].y) : "";

      if (drawn.length === 0) {
        ctx.fillStyle = "#8a90a0";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText("no data yet", width / 2, height / 2);
        return;
      }

      // Ranges.
      let xMin = Math.min(...drawn.map((p) => p.x));
      let xMax = Math.max(...drawn.map((p) => p.x));
      if (xMin === xMax) { xMin -= 1; xMax += 1; }
      let yMin = Math.min(...drawn.map((p) => p.y));
      let yMax = Math.max(...drawn.map((p) => p.y));
      if (this.yMin !== null) yMin = Math.min(yMin, this.yMin);
      if (yMin === yMax) {
        const pad = Math.abs(yMax) * 0.1 || 1;
        if (this.yMin === null || yMin - pad >= this.yMin) yMin -= pad;
        yMax += pad;
      }

      // Layout: legend on top for multi-series charts, y labels on the left, x labels below.
      const yLabels = [this.format(yMax), this.format(yMin)];
      const left = Math.ceil(Math.max(...yLabels.map((t) => ctx.measureText(t).width))) + 10;
      const legend = this.series.length > 1 ? this.layoutLegend(ctx, left, width - 10) : [];
      const top = legend.length ? Math.max(...legend.map((e) => e.y)) + 14 : 10;
      const right = 10;
      const bottom = 22;
      const plotW = Math.max(1, width - left - right);
      const plotH = Math.max(1, height - top - bottom);
      const px = (x) => left + ((x - xMin) / (xMax - xMin)) * plotW;
      const py = (y) => top + (1 - (y - yMin) / (yMax - yMin)) * plotH;

      // Axes, min/max grid lines and labels.
      ctx.strokeStyle = "#2c3039";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(left + 0.5, top);
      ctx.lineTo(left + 0.5, top + plotH + 0.5);
      ctx.lineTo(left + plotW, top + plotH + 0.5);
      ctx.moveTo(left, top + 0.5);
      ctx.lineTo(left + plotW, top + 0.5);
      ctx.stroke();

      ctx.fillStyle = "#8a90a0";
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      ctx.fillText(yLabels[0], left - 5, top);
      ctx.fillText(yLabels[1], left - 5, top + plotH);

      const xLabel = (x) => (this.xKind === "time" ? formatClock(x) : `epoch ${formatNumber(x)}`);
      ctx.textBaseline = "top";
      ctx.textAlign = "left";
      ctx.fillText(xLabel(xMin), left, top + plotH + 5);
      ctx.textAlign = "right";
      ctx.fillText(xLabel(xMax), left + plotW, top + plotH + 5);

      // Lines.
      ctx.lineWidth = 1.5;
      ctx.lineJoin = "round";
      for (const s of this.series) {
        ctx.strokeStyle = s.color;
        ctx.fillStyle = s.color;
        ctx.beginPath();
        let prev = null;
        s.points.forEach((p, i) => {
          if (p.y === null) { prev = null; return; }
          const x = px(p.x);
          const y = py(p.y);
          if (prev === null) {
            ctx.moveTo(x, y);
            const next = s.points[i + 1];
            if (!next || next.y === null) ctx.fillRect(x - 2, y - 2, 4, 4); // isolated point
          } else {
            if (this.step) ctx.lineTo(x, prev.y);
            ctx.lineTo(x, y);
          }
          prev = { x, y };
        });
        ctx.stroke();
      }

      // Legend.
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      for (const e of legend) {
        ctx.fillStyle = e.color;
        ctx.fillRect(e.x, e.y - 5, 10, 10);
        ctx.fillStyle = "#d8dbe2";
        ctx.fillText(e.label, e.x + 14, e.y);
      }
    }

    /** Places legend entries left to right, wrapping onto new rows; returns [{label, color, x, y}]. */
    layoutLegend(ctx, left, right) {
      const entries = [];
      let x = left;
      let y = 10;
      for (const s of this.series) {
        const w = 14 + ctx.measureText(s.label).width;
        if (x > left && x + w > right) { x = left; y += 16; }
        entries.push({ label: s.label, color: s.color, x, y });
        x += w + 14;
      }
      return entries;
    }
  }

  // ---------- page ----------

  const byId = (id) => document.getElementById(id);
  const setText = (id, text) => { byId(id).textContent = text; };

  const charts = {
    eventsPerSecond: new LineChart(byId("chart-events-per-second"), { labels: ["events/s"], yMin: 0, format: (v) => formatNumber(v, 1) }),
    onlineLoss: new LineChart(byId("chart-online-loss"), { labels: ["online loss"] }),
    liveHitRate: new LineChart(byId("chart-live-hit-rate"), { labels: ["HR@10"], yMin: 0, format: formatPercent }),
    queryLatency: new LineChart(byId("chart-query-latency"), { labels: ["p50", "p99"], yMin: 0, format: (v) => formatNumber(v, 2) + " ms" }),
    modelVersion: new LineChart(byId("chart-model-version"), { labels: ["model version"], step: true, format: (v) => formatNumber(v, 1) }),
    retrainHistory: new LineChart(byId("chart-retrain-history"), { xKind: "epoch" }),
  };
  const timeCharts = [charts.eventsPerSecond, charts.onlineLoss, charts.liveHitRate, charts.queryLatency, charts.modelVersion];

  function renderTiles(d) {
    setText("tile-events-ingested", formatNumber(d.eventsIngested));
    setText("tile-events-rejected", formatNumber(d.eventsRejected));
    setText("tile-events-per-second", formatNumber(d.eventsPerSecond, 1));
    setText("tile-model-version", formatNumber(d.modelVersion));
    setText("tile-users", formatNumber(d.users));
    setText("tile-items", formatNumber(d.items));
    setText("tile-live-hit-rate", formatPercent(d.liveHitRate));
    setText("tile-live-hit-rate-n", isNumber(d.liveHitRateEvaluated) ? `n = ${formatNumber(d.liveHitRateEvaluated)}` : "");
    setText("tile-online-loss", formatNumber(d.onlineLoss, 4));
    setText("updated-at", d.time ? formatClock(Date.parse(d.time)) : "—");
  }

  function renderRetrain(r) {
    r = r || {};
    const state = r.state || "idle";
    const stateEl = byId("retrain-state");
    stateEl.textContent = state;
    stateEl.dataset.state = state;
    setText("retrain-algorithm", r.algorithm || "—");
    setText("retrain-loss", formatNumber(r.loss, 4));
    setText("retrain-elapsed", state === "idle" ? "—" : formatSeconds(r.elapsedSeconds));

    const epoch = isNumber(r.epoch) ? r.epoch : 0;
    const epochs = isNumber(r.epochs) ? r.epochs : 0;
    const percent = epochs > 0 ? Math.min(100, Math.max(0, (epoch / epochs) * 100)) : 0;
    byId("retrain-progress-bar").style.width = percent + "%";
    byId("retrain-progress").setAttribute("aria-valuenow", String(Math.round(percent)));
    setText("retrain-progress-text", `epoch ${formatNumber(epoch)} / ${formatNumber(epochs)}`);
  }

  function renderHistory(retrains) {
    const recent = (Array.isArray(retrains) ? retrains : []).slice(-HISTORY_RETRAINS);
    charts.retrainHistory.setSeries(recent.map((r) => ({
      label: `v${r.version} ${r.algorithm ?? "?"}`,
      color: PALETTE[(isNumber(r.version) ? r.version : 0) % PALETTE.length],
      points: (r.epochLosses || []).map((loss, i) => ({ x: i + 1, y: isNumber(loss) ? loss : null })),
    })));
  }

  function render(d, at) {
    renderTiles(d);
    renderRetrain(d.retrain);
    renderHistory(d.retrains);

    const latency = d.queryLatencyMs || {};
    charts.eventsPerSecond.append(at, [d.eventsPerSecond]);
    charts.onlineLoss.append(at, [d.onlineLoss]);
    charts.liveHitRate.append(at, [d.liveHitRate]);
    charts.queryLatency.append(at, [latency.p50, latency.p99]);
    charts.modelVersion.append(at, [d.modelVersion]);
    Object.values(charts).forEach((c) => c.draw());
  }

  // ---------- connection state ----------

  let online = null;
  function setConnection(isOnline, at) {
    const banner = byId("connection");
    document.body.dataset.state = isOnline ? "online" : "offline";
    if (isOnline) {
      banner.hidden = true;
      banner.classList.remove("offline");
      banner.textContent = "";
    } else {
      banner.textContent = "Silo unreachable — retrying…";
      banner.classList.add("offline");
      banner.hidden = false;
      if (online !== false) {
        timeCharts.forEach((c) => { c.gap(at); c.draw(); });
      }
    }
    online = isOnline;
  }

  // ---------- polling ----------

  async function fetchData() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), POLL_TIMEOUT_MS);
    try {
      const response = await fetch(DATA_URL, { cache: "no-store", signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  }

  async function poll() {
    const started = performance.now();
    const at = Date.now();
    let data = null;
    try {
      data = await fetchData();
    } catch (err) {
      console.warn("dashboard poll failed:", err);
    }
    if (data && typeof data === "object") {
      setConnection(true, at);
      try {
        render(data, at);
      } catch (err) {
        console.error("dashboard render failed:", err);
      }
    } else {
      setConnection(false, at);
    }
    setTimeout(poll, Math.max(0, POLL_INTERVAL_MS - (performance.now() - started)));
  }

  Object.values(charts).forEach((c) => c.draw());
  poll();
})();
