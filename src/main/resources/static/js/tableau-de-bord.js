// The dashboard's charts, drawn with ECharts (served by the application, no CDN). Each chart's data is a JSON
// document in the data-chart attribute of its container (the page may run no inline script); the same figures are
// in the table that follows each chart, so the chart is never the only way to read them. Series differ by their
// pattern and symbol as well as their colour.
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  // Colours readable on white (contrast of 4.5:1 or more), in an order that keeps neighbours apart.
  var palette = ["#1f4e79", "#a11a1a", "#1e6b3a", "#8a4b00", "#5b3a8c", "#00607a", "#6b4f2a"];
  var symbols = ["circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect"];
  var lineTypes = ["solid", "dashed", "dotted"];
  var charts = [];

  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var spec;
    try {
      spec = JSON.parse(element.getAttribute("data-chart"));
    } catch (ignored) {
      return;
    }
    if (!spec || !spec.series || spec.series.length === 0) {
      return;
    }
    var line = spec.kind === "line";
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      color: palette,
      // The container's own aria-label describes the chart; ECharts adds the patterns (decals) that tell series
      // apart without colour.
      aria: { enabled: true, label: { enabled: false }, decal: { show: !line } },
      tooltip: { trigger: "axis", valueFormatter: function (value) {
        if (value === null || value === undefined) {
          return "—";
        }
        return String(value).replace(".", ",") + (spec.unit ? " " + spec.unit : "");
      } },
      legend: { type: "scroll", top: 0, textStyle: { color: "#1b2330" } },
      grid: { left: 40, right: 16, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: "category", data: spec.categories, axisLabel: { color: "#1b2330" } },
      yAxis: {
        type: "value",
        min: spec.min === null ? undefined : spec.min,
        max: spec.max === null ? undefined : spec.max,
        minInterval: line ? 0.5 : 1,
        axisLabel: { color: "#1b2330", formatter: function (value) { return String(value).replace(".", ","); } }
      },
      series: spec.series.map(function (series, index) {
        return line ? {
          name: series.name,
          type: "line",
          data: series.data,
          connectNulls: true,
          symbol: symbols[index % symbols.length],
          symbolSize: 9,
          lineStyle: { width: 2, type: lineTypes[index % lineTypes.length] }
        } : {
          name: series.name,
          type: "bar",
          data: series.data
        };
      })
    });
    charts.push(chart);
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) {
      chart.resize();
    });
  });
})();
