//! Criterion benchmarks of rendering: the wizard's diagram and review screens into a
//! TestBackend (80x24 and 120x40), and the diagram text and Mermaid renderers alone.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use adsso::diagram::{self, Diagram};
use adsso::wizard::draft::FieldId;
use adsso::wizard::model::{Colour, Model};
use adsso::wizard::questions::Screen;
use adsso::wizard::view::view;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A trust draft with every answer given, on `screen`.
fn trust_model(screen: Screen) -> Model {
    let mut model = Model::new("plan.yaml", Colour::On);
    for (field, value) in [
        (FieldId::Domain, "corp.example.com"),
        (FieldId::Netbios, "CORP"),
        (FieldId::DnsServers, "10.0.0.10, 10.0.0.11"),
        (FieldId::AccountId, "123456789012"),
        (FieldId::ManagedDomain, "aws.corp.example.com"),
        (FieldId::ManagedNetbios, "AWSCORP"),
        (FieldId::VpcId, "vpc-0123456789abcdef0"),
        (FieldId::Subnet1, "subnet-0123456789abcdef0"),
        (FieldId::Subnet2, "subnet-0fedcba9876543210"),
    ] {
        model.draft.set(field, value);
    }
    model.revalidate();
    assert!(model.errors.is_empty(), "{:?}", model.errors);
    model.screen = screen;
    model
}

fn screens(c: &mut Criterion) {
    for screen in [Screen::Diagram, Screen::Review] {
        let model = trust_model(screen);
        for (width, height) in [(80u16, 24u16), (120, 40)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let name = format!("view {:?} {width}x{height}", screen);
            c.bench_function(&name, |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| view(black_box(&model), frame))
                        .unwrap();
                })
            });
        }
    }
}

fn renderers(c: &mut Criterion) {
    let plan = adsso::plan::parse(include_bytes!("../assets/examples/trust.yaml"))
        .unwrap()
        .plan;
    c.bench_function("diagram model + text", |b| {
        b.iter(|| diagram::render_text(&Diagram::from_plan(black_box(&plan))))
    });
    c.bench_function("diagram model + mermaid", |b| {
        b.iter(|| diagram::render_mermaid(&Diagram::from_plan(black_box(&plan))))
    });
}

criterion_group!(benches, screens, renderers);
criterion_main!(benches);
