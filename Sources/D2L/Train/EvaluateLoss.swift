/// The mean loss of `net` over every example of `dataIter`, without recording gradients.
///
/// d2l: `evaluate_loss(net, data_iter, loss)` (§4.4). Targets are reshaped to the output's
/// shape, as the book does; `loss` returns one value per element.
public func evaluateLoss(_ net: (Tensor) -> Tensor, _ dataIter: DataLoader,
                         loss: (Tensor, Tensor) -> Tensor) -> Double {
    var metric = Accumulator(2)  // summed loss, number of values
    noGrad {
        for (X, y) in dataIter {
            let out = net(X)
            let l = loss(out, y.reshape(out.shape))
            metric.add(Double(l.sum().item()), Double(l.count))
        }
    }
    return metric[0] / metric[1]
}
