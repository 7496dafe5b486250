import { BarChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the console draws (bar charts with axes, a plain legend and tooltips), so the bundle does
// not carry the rest of ECharts. A chart type or option not registered here draws nothing.
register([BarChart, GridComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts chart on a div: created once, fed a new option whenever the option changes, resized
 * with its box (the side menu, the window, a tab becoming visible), disposed on unmount.
 */
export function Chart({
  option,
  height = 260,
  label,
}: {
  option: EChartsCoreOption;
  height?: number;
  /** What the chart shows, for screen readers and tests (the canvas itself has no text). */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>(undefined);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    // Motion only for those who have not asked their system for less.
    const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // notMerge: a series that went away (a team filtered out) must not linger from the last option.
    chart.current?.setOption({ animation, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
