package org.bordercustody.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Throughput and p95 latency against concurrency, as a PNG image. */
final class ConcurrencyChart {

    private ConcurrencyChart() {
    }

    static void write(Path png, String title, List<BorderTrafficBenchmark.LevelResult> levels) throws IOException {
        XYSeries throughput = new XYSeries("cases end to end per second");
        XYSeries recordP95 = new XYSeries("p95 record apprehension (ms)");
        XYSeries completeP95 = new XYSeries("p95 complete task (ms)");
        for (BorderTrafficBenchmark.LevelResult level : levels) {
            throughput.add(level.concurrency(), level.casesPerSecond());
            recordP95.add(level.concurrency(), level.p95Millis("record-apprehension"));
            completeP95.add(level.concurrency(), level.p95Millis("complete-task"));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis("concurrent callers"));
        plot.setRangeAxis(0, new NumberAxis("cases per second"));
        plot.setRangeAxis(1, new NumberAxis("p95 latency (ms)"));
        plot.setDataset(0, new XYSeriesCollection(throughput));
        XYSeriesCollection latencies = new XYSeriesCollection(recordP95);
        latencies.addSeries(completeP95);
        plot.setDataset(1, latencies);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(0, renderer(new Color(0x1f77b4)));
        XYLineAndShapeRenderer latencyRenderer = renderer(new Color(0xd62728));
        latencyRenderer.setSeriesPaint(1, new Color(0xff7f0e));
        latencyRenderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(1, latencyRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }
}
