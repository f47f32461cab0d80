// Mutual aid: "select all" on the enrolment list, and the progress board's bar chart (target grey,
// enrolled red) from the data-chart attribute.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-select-all]').forEach(function (all) {
    var cls = all.getAttribute('data-select-all');
    all.addEventListener('change', function () {
      document.querySelectorAll('input.' + cls).forEach(function (box) {
        if (!box.disabled) {
          box.checked = all.checked;
        }
      });
    });
  });
  var node = document.getElementById('mutualaid-chart');
  if (!node || !window.echarts) {
    return;
  }
  var data = JSON.parse(node.getAttribute('data-chart'));
  var chart = window.echarts.init(node);
  chart.setOption({
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.names },
    series: [
      { name: data.targetLabel, type: 'bar', data: data.targets, itemStyle: { color: '#adb5bd' } },
      { name: data.enrolledLabel, type: 'bar', data: data.enrolled, itemStyle: { color: '#dc3545' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
