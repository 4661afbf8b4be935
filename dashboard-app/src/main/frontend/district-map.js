// <district-map>: a choropleth of the 17 districts of Weser-Ems with Apache ECharts.
// The server sets `data` (JSON, see DistrictMap.java) with every text and number already written for
// the page's locale; clicking a district fires `district-click` with detail {ags}. The element keeps its last data and draws it again when Flow re-attaches it.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent, GraphicComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, GraphicComponent, AriaComponent, SVGRenderer]);

const MAP = 'weser-ems';
let geo; // one fetch per page, shared by every map on it

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loadGeo() {
  if (!geo) {
    geo = fetch('geo/weser-ems.geo.json')
      .then((r) => {
        if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
        return r.json();
      })
      .then((json) => {
        echarts.registerMap(MAP, json);
        return json;
      });
  }
  return geo;
}

class DistrictMap extends HTMLElement {
  static get observedAttributes() {
    return ['data'];
  }

  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resize.observe(this);
    loadGeo().then((json) => {
      this._geo = json;
      if (!this.isConnected) return;
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._chart.on('click', (e) => {
        if (e.data && e.data.ags) {
          this.dispatchEvent(new CustomEvent('district-click', { detail: { ags: e.data.ags }, bubbles: true }));
        }
      });
      this._render();
    }).catch((e) => {
      this.textContent = String(e.message || e);
      this.setAttribute('data-error', 'true');
    });
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  attributeChangedCallback() {
    this._render();
  }

  /** Pixel position (relative to the element) of a district's centre, for tests and keyboard use. */
  pointOf(ags) {
    if (!this._chart || !this._geo) return null;
    if (!this._geo.features.some((f) => f.properties.ags === ags)) return null;
    // regions are named by AGS: two districts are called "Osnabrück" and two "Oldenburg"
    const region = this._chart.getModel().getSeriesByIndex(0).coordinateSystem.getRegion(ags);
    const center = region ? region.getCenter() : null;
    return center ? this._chart.convertToPixel({ seriesIndex: 0 }, center) : null;
  }

  _render() {
    if (!this._chart) return;
    const raw = this.getAttribute('data');
    if (!raw) return;
    const data = JSON.parse(raw);
    // numbers as the page writes them in its locale (German: 1.234,5; English: 1,234.5)
    const number = new Intl.NumberFormat(data.locale, {
      minimumFractionDigits: data.digits, maximumFractionDigits: data.digits,
    });
    this._chart.setOption({
      aria: { enabled: true, label: { description: data.description } },
      tooltip: {
        trigger: 'item',
        formatter: (p) => (p.data ? `<b>${escape(p.data.label)}</b><br>${escape(data.indicator)}: ${escape(p.data.display)}` : ''),
      },
      visualMap: {
        type: 'continuous',
        min: data.min,
        max: data.max,
        left: 8,
        bottom: 28,
        calculable: false,
        text: [data.high, data.low],
        // viridis: readable for the common colour-vision deficiencies and in greyscale
        inRange: { color: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] },
        outOfRange: { color: '#d9d9d9' },
        formatter: (v) => (data.format === 'rate' ? `${number.format(v * 100)} %` : number.format(v)),
      },
      graphic: [{
        type: 'text', right: 8, bottom: 6,
        style: { text: data.credit, fontSize: 10, fill: '#555' },
      }],
      series: [{
        type: 'map',
        map: MAP,
        nameProperty: 'ags',
        roam: false,
        selectedMode: false,
        aspectScale: 0.62,
        layoutCenter: ['50%', '48%'],
        layoutSize: '95%',
        // regions are named by AGS (two districts each are called Osnabrück and Oldenburg): label them by name
        label: { show: false, formatter: (p) => (p.data ? p.data.label : p.name) },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { borderColor: '#000', borderWidth: 2 } },
        data: data.areas.map((a) => ({
          name: a.ags,
          ags: a.ags,
          label: a.label,
          display: a.display,
          value: a.value === null ? '-' : a.value,
          // a district that misses a target now: a thick red outline (its label says so as well)
          itemStyle: {
            ...(a.value === null ? { color: a.reported ? '#bdbdbd' : '#f5f5f5' } : {}),
            ...(a.breached ? { borderColor: '#c62828', borderWidth: 3 } : {}),
          },
        })),
      }],
    }, true);
    this.setAttribute('data-rendered-districts', String(data.areas.length));
    this.setAttribute('data-breached-districts', data.areas.filter((a) => a.breached).map((a) => a.ags).join(','));
  }
}

customElements.define('district-map', DistrictMap);
