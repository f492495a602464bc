//! Ordering the selected plugins so that every plugin runs after the layers it requires or uses.

use crate::document::Needs;
use crate::error::{Error, Result};

/// What ordering needs to know of one plugin.
#[derive(Clone, Debug)]
pub struct Node<'a> {
    /// The plugin's name.
    pub name: &'a str,
    /// Layers it provides.
    pub provides: &'a [String],
    /// Layers it requires.
    pub requires: &'a [String],
    /// Layers it uses when present.
    pub uses: &'a [String],
}

/// The run order and, per plugin (in run order), the indices (into the run order) of the earlier
/// plugins whose layers it requires or uses, plus the built-in layers the run needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Indices into the input slice, in the order they run.
    pub order: Vec<usize>,
    /// For each position in `order`: positions of the plugins it reads, with whether it requires
    /// (true) or only uses (false) each.
    pub inputs: Vec<Vec<(usize, bool)>>,
    /// Built-in layers needed.
    pub needs: Needs,
}

/// Orders `nodes` (given in the user's order) by their requirements. `available` names plugins that
/// were found but not selected, for the hint in a missing-requirement error.
pub fn plan(nodes: &[Node<'_>], available: &[(String, Vec<String>)]) -> Result<Plan> {
    let provider = |layer: &str| {
        nodes
            .iter()
            .position(|n| n.provides.iter().any(|p| p == layer))
    };
    let mut needs = Needs::default();
    // deps[i]: (node index, required?)
    let mut deps: Vec<Vec<(usize, bool)>> = vec![Vec::new(); nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        for layer in node.requires {
            if needs.add(layer) {
                continue;
            }
            match provider(layer) {
                Some(p) if p != i => deps[i].push((p, true)),
                Some(_) => {}
                None => {
                    let hint = available
                        .iter()
                        .find(|(_, provides)| provides.iter().any(|p| p == layer))
                        .map(|(name, _)| format!("; add '{name}' to --plugins"))
                        .unwrap_or_default();
                    return Err(Error::MissingRequirement {
                        plugin: node.name.to_string(),
                        layer: layer.clone(),
                        hint,
                    });
                }
            }
        }
        for layer in node.uses {
            if needs.add(layer) {
                continue;
            }
            if let Some(p) = provider(layer).filter(|&p| p != i) {
                deps[i].push((p, false));
            }
        }
    }
    // Kahn's algorithm, always taking the earliest ready plugin in the user's order: stable.
    let mut done = vec![false; nodes.len()];
    let mut order = Vec::with_capacity(nodes.len());
    while order.len() < nodes.len() {
        let ready = (0..nodes.len()).find(|&i| !done[i] && deps[i].iter().all(|&(d, _)| done[d]));
        match ready {
            Some(i) => {
                done[i] = true;
                order.push(i);
            }
            None => {
                return Err(Error::Cycle {
                    plugins: (0..nodes.len())
                        .filter(|&i| !done[i])
                        .map(|i| nodes[i].name.to_string())
                        .collect(),
                });
            }
        }
    }
    let position = |node: usize| order.iter().position(|&o| o == node).unwrap_or(0);
    let inputs = order
        .iter()
        .map(|&i| deps[i].iter().map(|&(d, req)| (position(d), req)).collect())
        .collect();
    Ok(Plan {
        order,
        inputs,
        needs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn runs_providers_first_and_keeps_user_order_otherwise() {
        let (p_q, r_q, u) = (
            strings(&["quotes"]),
            strings(&["entities", "sentences"]),
            strings(&[]),
        );
        let (p_e, r_e) = (strings(&["entities"]), strings(&["tokens"]));
        let (p_s, u_s) = (strings(&["sentiment"]), strings(&["entities", "quotes"]));
        let nodes = [
            Node {
                name: "quotes",
                provides: &p_q,
                requires: &r_q,
                uses: &u,
            },
            Node {
                name: "sentiment",
                provides: &p_s,
                requires: &u,
                uses: &u_s,
            },
            Node {
                name: "entities",
                provides: &p_e,
                requires: &r_e,
                uses: &u,
            },
        ];
        let plan = plan(&nodes, &[]).unwrap();
        assert_eq!(plan.order, [2, 0, 1], "entities, quotes, sentiment");
        assert_eq!(plan.inputs[1], [(0, true)]);
        assert_eq!(plan.inputs[2], [(0, false), (1, false)]);
        assert!(plan.needs.sentences && plan.needs.tokens);
    }

    #[test]
    fn a_missing_requirement_names_the_plugin_that_would_provide_it() {
        let (p_q, r_q, u) = (strings(&["quotes"]), strings(&["entities"]), strings(&[]));
        let nodes = [Node {
            name: "quotes",
            provides: &p_q,
            requires: &r_q,
            uses: &u,
        }];
        let available = [("entities".to_string(), strings(&["entities"]))];
        let err = plan(&nodes, &available).unwrap_err().to_string();
        assert!(
            err.contains("plugin 'quotes' requires the layer 'entities'"),
            "{err}"
        );
        assert!(err.contains("add 'entities' to --plugins"), "{err}");
    }

    #[test]
    fn a_cycle_is_an_error() {
        let (a, b) = (strings(&["a"]), strings(&["b"]));
        let u = strings(&[]);
        let nodes = [
            Node {
                name: "a",
                provides: &a,
                requires: &b,
                uses: &u,
            },
            Node {
                name: "b",
                provides: &b,
                requires: &a,
                uses: &u,
            },
        ];
        assert!(matches!(plan(&nodes, &[]), Err(Error::Cycle { .. })));
    }
}
