//! Learning the model from rated texts by stochastic gradient descent on the squared error, with
//! L2 regularisation; deterministic given the seed.

use crate::features::DIM;
use crate::model::Model;

/// One rated text, as features and its target score in [-1, 1].
pub struct Example {
    /// The features.
    pub features: Vec<(usize, f32)>,
    /// The human rating scaled to [-1, 1].
    pub target: f32,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Initial learning rate.
    pub learning_rate: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Seed of the example order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            learning_rate: 0.05,
            l2: 1e-6,
            seed: 1,
        }
    }
}

fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fits a model.
pub fn fit(examples: &[Example], options: &TrainOptions) -> Model {
    let mut model = Model {
        bias: 0.0,
        weights: vec![0.0; DIM],
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = options.seed;
    let mut step = 0usize;
    for _ in 0..options.epochs {
        for i in (1..order.len()).rev() {
            let j = (next(&mut state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &e in &order {
            let example = &examples[e];
            let rate = options.learning_rate / (1.0 + step as f32 * 1e-5);
            step += 1;
            let error = model.raw(&example.features) - example.target;
            model.bias -= rate * error;
            for &(i, v) in &example.features {
                let w = &mut model.weights[i];
                *w -= rate * (error * v + options.l2 * *w);
            }
        }
    }
    model
}
