//! Source map: where each field of a plan sits in its YAML text.
//!
//! Built from the YAML parser's events (aliases are not expanded, so the walk is linear in the
//! input), it maps a [`FieldPath`] to the position of its value and of its key, and maps a
//! position reported by the deserializer back to the deepest field that starts there.
//! A malformed document yields a partial map up to the first syntax error.

use std::collections::{HashMap, HashSet};

use granit_parser::{Event, Parser};

use super::diagnostic::{FieldPath, Position};

/// Nesting beyond this depth is not mapped (the deserializer refuses it anyway).
const MAX_DEPTH: usize = 64;
/// Events beyond this count are not mapped (the deserializer refuses such input anyway).
const MAX_EVENTS: usize = 200_000;

/// Positions of keys and values by field path.
#[derive(Debug, Default)]
pub struct SourceMap {
    values: HashMap<FieldPath, Position>,
    keys: HashMap<FieldPath, Position>,
    mappings: HashSet<FieldPath>,
    /// Every node and key start in document order, for reverse look-ups.
    starts: Vec<(Position, FieldPath, Role)>,
}

/// Whether a recorded start is a mapping key or a value node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Key,
    Value,
}

enum Frame {
    Mapping { path: FieldPath, key: MappingSlot },
    Sequence { path: FieldPath, next: usize },
}

enum MappingSlot {
    ExpectingKey,
    ExpectingValue(String),
}

impl SourceMap {
    /// Builds the map from YAML text (partial when the text is malformed).
    pub fn build(text: &str) -> Self {
        let mut map = SourceMap::default();
        let mut stack: Vec<Frame> = Vec::new();
        for (count, item) in Parser::new_from_str(text).enumerate() {
            let Ok((event, span)) = item else { break };
            if count > MAX_EVENTS || stack.len() > MAX_DEPTH {
                break;
            }
            let position = Position {
                line: span.start.line() as u64,
                column: span.start.col() as u64 + 1,
            };
            match event {
                Event::Scalar(value, ..) => {
                    map.node(&mut stack, position, Some(value.as_ref()));
                }
                Event::Alias(_) => {
                    map.node(&mut stack, position, None);
                }
                Event::MappingStart(..) => {
                    if let Some(path) = map.node(&mut stack, position, None) {
                        map.mappings.insert(path.clone());
                        stack.push(Frame::Mapping {
                            path,
                            key: MappingSlot::ExpectingKey,
                        });
                    }
                }
                Event::SequenceStart(..) => {
                    if let Some(path) = map.node(&mut stack, position, None) {
                        stack.push(Frame::Sequence { path, next: 0 });
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        map
    }

    /// Records a node; returns its path when it is a value (not a key).
    fn node(
        &mut self,
        stack: &mut [Frame],
        position: Position,
        scalar: Option<&str>,
    ) -> Option<FieldPath> {
        let path = match stack.last_mut() {
            None => FieldPath::root(),
            Some(Frame::Sequence { path, next }) => {
                let path = path.index(*next);
                *next += 1;
                path
            }
            Some(Frame::Mapping { path, key }) => {
                match std::mem::replace(key, MappingSlot::ExpectingKey) {
                    MappingSlot::ExpectingKey => {
                        let name = scalar.unwrap_or("?").to_owned();
                        let key_path = path.key(&name);
                        self.keys.entry(key_path.clone()).or_insert(position);
                        self.starts.push((position, key_path, Role::Key));
                        *key = MappingSlot::ExpectingValue(name);
                        // A complex (non-scalar) key: its contents are not fields.
                        return scalar.map_or(Some(path.key("?")), |_| None);
                    }
                    MappingSlot::ExpectingValue(name) => path.key(&name),
                }
            }
        };
        self.values.entry(path.clone()).or_insert(position);
        self.starts.push((position, path.clone(), Role::Value));
        Some(path)
    }

    /// Where the value of `path` starts; else where its key is; else its nearest mapped parent.
    pub fn position_of(&self, path: &FieldPath) -> Option<Position> {
        let mut current = Some(path.clone());
        while let Some(path) = current {
            if let Some(position) = self.values.get(&path).or_else(|| self.keys.get(&path)) {
                return Some(*position);
            }
            current = path.parent();
        }
        None
    }

    /// Where the key of `path` is (falls back to [`SourceMap::position_of`]).
    pub fn key_position_of(&self, path: &FieldPath) -> Option<Position> {
        self.keys
            .get(path)
            .copied()
            .or_else(|| self.position_of(path))
    }

    /// The mapping a "missing key" error at `position` concerns: the deepest mapping that starts
    /// exactly there (an empty `{}` or a mapping reported at its start), else the innermost
    /// mapping enclosing the field there.
    pub fn mapping_for_missing_key(&self, position: Position) -> FieldPath {
        let starting_here = self
            .starts
            .iter()
            .filter(|(start, path, role)| {
                *start == position && *role == Role::Value && self.mappings.contains(path)
            })
            .map(|(_, path, _)| path)
            .max_by_key(|path| path.as_str().len());
        match starting_here {
            Some(path) => path.clone(),
            None => self.enclosing_mapping(&self.path_at(position).cloned().unwrap_or_default()),
        }
    }

    /// The innermost mapping strictly enclosing `path` (the root when none is mapped).
    pub fn enclosing_mapping(&self, path: &FieldPath) -> FieldPath {
        let mut current = path.parent();
        while let Some(candidate) = current {
            if self.mappings.contains(&candidate) {
                return candidate;
            }
            current = candidate.parent();
        }
        FieldPath::root()
    }

    /// The deepest field whose key or value starts exactly at `position`, else the last field
    /// that starts before it.
    pub fn path_at(&self, position: Position) -> Option<&FieldPath> {
        let exact = self
            .starts
            .iter()
            .filter(|(start, _, _)| *start == position)
            .map(|(_, path, _)| path)
            .max_by_key(|path| path.as_str().len());
        exact.or_else(|| {
            self.starts
                .iter()
                .filter(|(start, _, _)| *start <= position)
                .max_by_key(|(start, _, _)| *start)
                .map(|(_, path, _)| path)
        })
    }
}
