// The statement's bar chart: income categories red, expense categories grey, from the data-chart attribute.
document.addEventListener('DOMContentLoaded', function () {
  var node = document.getElementById('statement-chart');
  if (!node || !window.echarts) {
    return;
  }
  var data = JSON.parse(node.getAttribute('data-chart'));
  var chart = window.echarts.init(node);
  chart.setOption({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.names },
    series: [{
      type: 'bar',
      data: data.values.map(function (v, i) {
        return { value: Number(v), itemStyle: { color: data.kinds[i] === 'income' ? '#dc3545' : '#6c757d' } };
      })
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
