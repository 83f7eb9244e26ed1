// Device type capability models (GET /device-types): fetched once per page load; they change only with the hub.
import { api } from './api.js';
import { useEffect, useState } from './html.js';

let loading;

export function useDeviceTypes() {
  const [models, setModels] = useState(undefined);
  useEffect(() => {
    let live = true;
    loading ??= api('GET', '/device-types').catch((err) => {
      loading = undefined; // try again on the next page that asks
      throw err;
    });
    loading.then(
      (m) => live && setModels(m),
      () => live && setModels({}),
    );
    return () => {
      live = false;
    };
  }, []);
  return models;
}
