// <series-chart>: a line or bar chart of one or more series over categories (months, or districts side by
// side) with Apache ECharts. The server sets `data` (JSON, see SeriesChart.java): every text the chart shows
// beside its axes comes from the server already written for the page's locale, so a withheld value reads
// exactly as in the page's tables; only the axis ticks are formatted here (Intl.NumberFormat, page locale).
// A value of null is drawn as a gap, never as 0. The element is focusable: the arrow keys walk the tooltip
// along the categories, Home/End jump to the ends, Escape hides it. It keeps its last data and draws it
// again when Flow re-attaches it.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  AriaComponent, SVGRenderer]);

// viridis, as the map: told apart with the common colour-vision deficiencies; each line also has its own symbol
const COLOURS = ['#3b528b', '#21918c', '#5ec962', '#440154', '#fde725'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin'];
const REFERENCE = '#a1202c';

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

class SeriesChart extends HTMLElement {
  static get observedAttributes() {
    return ['data'];
  }

  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    if (!this.hasAttribute('tabindex')) this.setAttribute('tabindex', '0');
    this._index = -1;
    this._chart = echarts.init(this, null, { renderer: 'svg' });
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resize.observe(this);
    this._keys = (e) => this._onKey(e);
    this.addEventListener('keydown', this._keys);
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    this.removeEventListener('keydown', this._keys);
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  attributeChangedCallback() {
    this._render();
  }

  /** The tooltip's text of category {@code index}, as the pointer or the arrow keys show it (also for tests). */
  textOf(index) {
    const data = this._data;
    if (!data || index < 0 || index >= data.categories.length) return null;
    const lines = data.series.map((s) => `${s.name}: ${s.texts[index]}`);
    if (data.reference) lines.push(`${data.reference.name}: ${data.reference.text}`);
    return [data.categories[index], ...lines].join('\n');
  }

  _onKey(e) {
    const data = this._data;
    if (!this._chart || !data || data.categories.length === 0) return;
    const last = data.categories.length - 1;
    let index = this._index;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': index = Math.min(last, index + 1); break;
      case 'ArrowLeft': case 'ArrowUp': index = Math.max(0, index < 0 ? 0 : index - 1); break;
      case 'Home': index = 0; break;
      case 'End': index = last; break;
      case 'Escape':
        this._index = -1;
        this._chart.dispatchAction({ type: 'hideTip' });
        this.removeAttribute('data-focused-category');
        return;
      default: return;
    }
    e.preventDefault();
    this._index = index;
    this._chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
    this.setAttribute('data-focused-category', String(index));
  }

  _render() {
    if (!this._chart) return;
    const raw = this.getAttribute('data');
    if (!raw) return;
    const data = JSON.parse(raw);
    this._data = data;
    this._index = -1;
    const type = data.type.toLowerCase();
    const number = new Intl.NumberFormat(data.locale, {
      minimumFractionDigits: 0, maximumFractionDigits: data.digits,
    });
    const tick = (v) => (data.unit ? `${number.format(v)} ${data.unit}` : number.format(v));
    const valueAxis = {
      type: 'value',
      name: data.axisName,
      // beside bars running left to right the title sits centred below the ticks, above a line chart at its top
      nameLocation: data.horizontal ? 'middle' : 'end',
      nameGap: data.horizontal ? 26 : 12,
      nameTextStyle: { color: '#333', align: data.horizontal ? 'center' : 'left' },
      axisLabel: { color: '#333', formatter: tick },
      splitLine: { lineStyle: { color: '#e0e0e0' } },
    };
    const categoryAxis = {
      type: 'category',
      data: data.categories,
      axisLabel: { color: '#333', interval: data.horizontal ? 0 : 'auto', hideOverlap: true },
      axisTick: { alignWithLabel: true },
    };
    const many = data.series.length > 1;
    const series = data.series.map((s, i) => ({
      name: s.name,
      type,
      // null is a gap: the value was withheld or nobody reported, never a zero
      data: s.values.map((v, k) => {
        if (type !== 'bar') return v === null ? '-' : v;
        // a bar carries its value as the page writes it; where there is none, no bar but the page's word for why
        return v === null
          ? { value: 0, itemStyle: { color: 'transparent' }, label: { show: true, formatter: s.texts[k], color: '#555' } }
          : { value: v, label: { show: true, formatter: s.texts[k] } };
      }),
      label: { position: data.horizontal ? 'right' : 'top', color: '#333' },
      connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 7,
      showAllSymbol: true,
      itemStyle: { color: COLOURS[i % COLOURS.length] },
      lineStyle: { width: 2 },
      barMaxWidth: 28,
      ...(i === 0 && data.reference && data.reference.value !== null ? {
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: REFERENCE, type: 'dashed', width: 2 },
          label: {
            formatter: `${data.reference.name}: ${data.reference.text}`,
            color: REFERENCE,
            // above the bars, not along the line: a label turned upright ran through them (the categories run
            // downwards, so the line starts at the top)
            position: data.horizontal ? 'start' : 'end',
          },
          data: [data.horizontal ? { xAxis: data.reference.value } : { yAxis: data.reference.value }],
        },
      } : {}),
    }));
    this._chart.setOption({
      aria: { enabled: true, label: { description: data.description } },
      color: COLOURS,
      legend: many ? { top: 0, textStyle: { color: '#333' } } : { show: false },
      grid: {
        left: 8, right: data.horizontal ? 56 : 24, top: many ? 44 : 32, bottom: data.horizontal ? 30 : 8, containLabel: true,
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: type === 'bar' ? 'shadow' : 'line' },
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          if (list.length === 0) return '';
          const index = list[0].dataIndex;
          const rows = data.series.map((s, i) => `<span style="color:${COLOURS[i % COLOURS.length]}">●</span> `
            + `${escape(s.name)}: <b>${escape(s.texts[index])}</b>`);
          if (data.reference) rows.push(`<span style="color:${REFERENCE}">- -</span> ${escape(data.reference.name)}: `
            + `<b>${escape(data.reference.text)}</b>`);
          return `<b>${escape(data.categories[index])}</b><br>${rows.join('<br>')}`;
        },
      },
      xAxis: data.horizontal ? valueAxis : categoryAxis,
      yAxis: data.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series,
    }, true);
    this.setAttribute('data-rendered-categories', String(data.categories.length));
  }
}

customElements.define('series-chart', SeriesChart);
