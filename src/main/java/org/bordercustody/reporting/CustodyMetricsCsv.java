package org.bordercustody.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A report as CSV: a header row, then one row per group (or the one row of the period), each column a figure of the
 * JSON answer; a figure inside an object is named by its path ({@code breachesByClock.HHS_NOTIFICATION},
 * {@code separations.childrenSeparated}); a null is an empty cell.
 */
@Component
class CustodyMetricsCsv {

    private final ObjectMapper json;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    CustodyMetricsCsv(ObjectMapper json) {
        this.json = json;
    }

    String of(CustodyMetrics metrics) {
        return write(List.of(flat(json.valueToTree(metrics))));
    }

    String of(CustodyMetricsTable table) {
        List<Map<String, String>> rows = new ArrayList<>();
        table.rows().forEach(row -> rows.add(flat(json.valueToTree(row))));
        return write(rows);
    }

    private String write(List<Map<String, String>> rows) {
        // Every column any row has (a sector seen only in some rows' separations), in the order first seen.
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> filled = rows.stream().map(row -> {
            Map<String, String> all = new LinkedHashMap<>();
            columns.forEach(column -> all.put(column, row.getOrDefault(column, "")));
            return all;
        }).toList();
        try {
            return csv.writer(schema.build()).writeValueAsString(filled);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as CSV", e);
        }
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> columns = new LinkedHashMap<>();
        flatten("", node, columns);
        return columns;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> columns) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> flatten(path.isEmpty() ? field.getKey()
                    : path + "." + field.getKey(), field.getValue(), columns));
        } else {
            columns.put(path, node.isNull() ? "" : node.asText());
        }
    }
}
