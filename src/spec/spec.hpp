// The brief as typed values with source locations (format version 1, docs/brief-format.md).
// Plain value types: copyable, comparable. Only reader.cpp knows about YAML.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::spec {

using core::SourceLoc;

struct Date {
    int year = 0, month = 0, day = 0;
    bool operator==(const Date&) const = default;
    auto operator<=>(const Date&) const = default;
};

struct Time {
    int hour = 0, minute = 0;
    bool operator==(const Time&) const = default;
};

// A plain text value with where it was written.
struct Text {
    std::string value;
    SourceLoc loc;
    bool operator==(const Text&) const = default;
};

// A rich-text value (CommonMark subset), kept as source; the doc stage parses it with cmark.
struct RichText {
    std::string markdown;
    SourceLoc loc;
    bool operator==(const RichText&) const = default;
};

struct Person {
    Text name;
    std::optional<Text> role;
    std::optional<std::string> country;  // ISO 3166 alpha-2, upper case
    bool operator==(const Person&) const = default;
};

struct Delegation {
    Text country;
    std::vector<Person> members;
    bool operator==(const Delegation&) const = default;
};

struct Meeting {
    Text name;
    std::optional<int> number;
    Date date;
    std::optional<Date> end_date;
    std::optional<Time> time;
    std::optional<Text> location;
    std::optional<Text> format;
    std::vector<Person> chairs;
    std::vector<Delegation> delegations;
    SourceLoc loc;
    bool operator==(const Meeting&) const = default;
};

struct AgendaItem {
    Text title;
    std::optional<Text> presenter;
    std::optional<RichText> notes;
    std::vector<RichText> points;
    std::vector<AgendaItem> items;
    bool operator==(const AgendaItem&) const = default;
};

struct FigureRef {
    std::string id;
    SourceLoc loc;
    bool operator==(const FigureRef&) const = default;
};

struct Section {
    Text heading;
    std::optional<RichText> body;
    std::vector<Section> sections;
    std::vector<FigureRef> figures;
    bool operator==(const Section&) const = default;
};

// A table cell: a number or a text.
struct Cell {
    bool is_number = false;
    double number = 0;
    std::string text;  // the text, or the number as written in the source
    SourceLoc loc;
    bool operator==(const Cell&) const = default;
};

struct Series {
    std::string name;
    std::vector<double> values;
    SourceLoc loc;
    bool operator==(const Series&) const = default;
};

enum class FigureKind { Table, Bar, Line, Pie };

struct Figure {
    std::string id;
    Text title;
    FigureKind kind = FigureKind::Table;
    std::optional<Text> unit;
    std::optional<Text> source;
    std::optional<Text> note;
    std::optional<int> decimals;
    std::optional<Text> alt;  // alternative text for screen readers; generated from the data when absent
    // table: columns + rows (from YAML or from CSV, already loaded)
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    // bar / line / pie
    std::vector<std::string> categories;
    std::vector<Series> series;
    // the CSV file the data came from, if any (resolved, canonical path)
    std::optional<std::filesystem::path> csv;
    SourceLoc loc;
    bool operator==(const Figure&) const = default;
};

struct Distribution {
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<SourceLoc> to_locs, cc_locs;  // where each entry is written (delivery policy errors)
    std::optional<std::string> subject;
    bool operator==(const Distribution&) const = default;
};

struct Brief {
    std::filesystem::path file;  // the brief's path as given
    int version = 1;
    Text title;
    std::optional<Text> subtitle;
    std::string language = "tr";
    SourceLoc language_loc;
    std::string template_name = "default";  // a shipped name, or a path relative to the brief
    SourceLoc template_loc;
    std::optional<Text> classification;
    std::optional<Text> reference;
    std::optional<Date> edition;
    std::optional<Text> author;
    Meeting meeting;
    std::optional<RichText> summary;
    std::vector<AgendaItem> agenda;
    std::vector<Section> sections;
    std::vector<Figure> figures;
    std::vector<Text> sources;
    std::optional<Distribution> distribution;
    // every file the brief read (CSV, images), for incremental builds
    std::vector<std::filesystem::path> inputs;
    bool operator==(const Brief&) const = default;
};

}  // namespace briefmake::spec
